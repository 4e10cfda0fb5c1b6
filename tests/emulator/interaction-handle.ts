import { setTimeout as sleep } from 'node:timers/promises';
import type { APIInteraction } from 'discord-api-types/v10';
import {
	isAnswered,
	outcomeOf,
	showsWaitingNotice,
	type InteractionOutcome,
	type InteractionRecord,
} from './interaction-record.js';
import type { Waiters } from './waiters.js';

/** A dispatched interaction: its payload, and what the bot made of it. */
export interface InteractionHandle {
	readonly id: string;
	readonly token: string;
	readonly payload: APIInteraction;
	/** The outcome so far (a snapshot). */
	outcome(): InteractionOutcome;
	/** When the interaction last changed (a callback, an edit, a follow-up), without copying anything: cheap to poll. */
	lastChangeAt(): number | null;
	/** Resolves once `predicate(outcome)` holds; rejects after `timeoutMs` (default 5 s) with the outcome so far. */
	waitFor(predicate: (outcome: InteractionOutcome) => boolean, timeoutMs?: number): Promise<InteractionOutcome>;
	/** Resolves at the first accepted callback. */
	acknowledged(timeoutMs?: number): Promise<InteractionOutcome>;
	/**
	 * Resolves when the member has seen an answer (message, update, choices, modal, or a deferral then an edit or
	 * follow-up) and nothing changed for `quietMs` (default 100 ms): the final state.
	 */
	answered(options?: { timeoutMs?: number; quietMs?: number }): Promise<InteractionOutcome>;
}

function summary(outcome: InteractionOutcome): object {
	return {
		delivered: outcome.delivered,
		lost: outcome.lost,
		callbacks: outcome.callbackAttempts.map((a) => `${a.type}@${a.atMs}ms→${a.status}${a.code ? `/${a.code}` : ''}`),
		originalEdits: outcome.originalEdits,
		followUps: outcome.followUps.length,
		errors: outcome.errors.map((e) => `${e.method} ${e.route} ${e.status}/${e.code}`),
	};
}

/**
 * Wraps a record in the handle tests use. `sessionInvalid` tells whether the gateway session the interaction
 * was queued in has ended, which makes an undelivered interaction lost.
 */
export function makeHandle(
	record: InteractionRecord,
	waiters: Waiters,
	sessionInvalid: () => boolean,
): InteractionHandle {
	const outcome = (): InteractionOutcome => {
		const snapshot = outcomeOf(record);
		snapshot.lost = record.lost || (record.deliveredAt === null && sessionInvalid());
		return snapshot;
	};
	const waitFor = (predicate: (o: InteractionOutcome) => boolean, timeoutMs = 5_000): Promise<InteractionOutcome> =>
		waiters
			.waitFor(
				() => {
					const o = outcome();
					return predicate(o) ? o : undefined;
				},
				timeoutMs,
				`interaction ${record.id} (${record.commandName ?? record.kind})`,
			)
			.catch((error: Error) => {
				throw new Error(`${error.message}; outcome so far: ${JSON.stringify(summary(outcome()))}`);
			});
	return {
		id: record.id,
		token: record.token,
		payload: record.payload,
		outcome,
		lastChangeAt: () => record.lastChangeAt,
		waitFor,
		acknowledged: (timeoutMs) => waitFor((o) => o.acknowledged, timeoutMs),
		answered: async ({ timeoutMs = 5_000, quietMs = 100 } = {}) => {
			const deadline = Date.now() + timeoutMs;
			// The bot's place-in-line notice (⏳, src/compute/queue-notice.ts) is an interim state its answer replaces.
			await waitFor((o) => isAnswered(o) && !showsWaitingNotice(o), timeoutMs);
			for (;;) {
				const before = record.lastChangeAt;
				await sleep(quietMs);
				if (Date.now() > deadline) return outcome();
				if (record.lastChangeAt === before) {
					const now = outcome();
					if (!showsWaitingNotice(now)) return now;
					await waitFor((o) => !showsWaitingNotice(o), Math.max(1, deadline - Date.now()));
				}
			}
		},
	};
}
