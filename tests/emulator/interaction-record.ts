import {
	InteractionResponseType,
	type APIApplicationCommandOptionChoice,
	type APIInteraction,
	type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { StoredMessage } from './stored-message.js';

export type InteractionKind = 'command' | 'autocomplete' | 'component' | 'modal';

/** One callback the bot sent, accepted or refused. */
export interface CallbackAttempt {
	type: InteractionResponseType;
	data: unknown;
	/** Milliseconds after dispatch. */
	atMs: number;
	/** HTTP status the emulator answered (204/200 accepted; 400/404 refused). */
	status: number;
	/** Discord error code when refused (10062 unknown interaction, 40060 already acknowledged). */
	code?: number;
}

/** A request on this interaction's token that Discord refused. */
export interface InteractionError {
	method: string;
	route: string;
	status: number;
	code: number;
	message: string;
	atMs: number;
}

/** What became of an interaction, as a test reads it. */
export interface InteractionOutcome {
	id: string;
	token: string;
	kind: InteractionKind;
	/** Sent over the gateway (possibly as a RESUME replay). */
	delivered: boolean;
	/** Its session was invalidated before delivery, so the bot never saw it (as on Discord). */
	lost: boolean;
	acknowledged: boolean;
	/** Accepted callbacks only. */
	callbacks: CallbackAttempt[];
	/** Every callback attempt, including refused ones (late, repeated). */
	callbackAttempts: CallbackAttempt[];
	/** The response message after all edits (for 6/7, the message the component sits on); null if none. */
	original: StoredMessage | null;
	/** Accepted edits of @original. */
	originalEdits: number;
	followUps: StoredMessage[];
	modal: APIModalInteractionResponseCallbackData | null;
	choices: APIApplicationCommandOptionChoice[] | null;
	errors: InteractionError[];
	timings: {
		/** Dispatch → gateway send (larger when the shard was disconnected). */
		deliveredMs: number | null;
		/** Dispatch → first accepted callback. */
		firstCallbackMs: number | null;
		/** Dispatch → last change (callback, edit, follow-up, delete). */
		finalStateMs: number | null;
	};
}

/** The emulator's book-keeping for one interaction. */
export interface InteractionRecord {
	id: string;
	token: string;
	kind: InteractionKind;
	payload: APIInteraction;
	guildId: string;
	channelId: string;
	userId: string;
	commandName?: string;
	componentMessageId?: string;
	dispatchedAt: number;
	deliveredAt: number | null;
	lost: boolean;
	attempts: CallbackAttempt[];
	original: StoredMessage | null;
	followUps: StoredMessage[];
	modal: APIModalInteractionResponseCallbackData | null;
	choices: APIApplicationCommandOptionChoice[] | null;
	errors: InteractionError[];
	lastChangeAt: number | null;
	/** Edits of @original so far (a deferred response counts as answered once edited). */
	originalEdits: number;
}

/** Copies a message so later edits do not change it; file bytes are shared (they are never modified). */
export function snapshot(stored: StoredMessage): StoredMessage {
	return {
		...stored,
		message: structuredClone(stored.message),
		history: structuredClone(stored.history),
		files: stored.files.map((f) => ({ ...f })),
		pinged: structuredClone(stored.pinged),
	};
}

/** A snapshot of the record (messages are deep-copied so later edits do not change it). */
export function outcomeOf(record: InteractionRecord): InteractionOutcome {
	const accepted = record.attempts.filter((a) => a.status < 300);
	const since = (t: number | null): number | null => (t === null ? null : t - record.dispatchedAt);
	return {
		id: record.id,
		token: record.token,
		kind: record.kind,
		delivered: record.deliveredAt !== null,
		lost: record.lost,
		acknowledged: accepted.length > 0,
		callbacks: accepted,
		callbackAttempts: [...record.attempts],
		original: record.original ? snapshot(record.original) : null,
		originalEdits: record.originalEdits,
		followUps: record.followUps.map(snapshot),
		modal: record.modal,
		choices: record.choices,
		errors: [...record.errors],
		timings: {
			deliveredMs: since(record.deliveredAt),
			firstCallbackMs: accepted[0]?.atMs ?? null,
			finalStateMs: since(record.lastChangeAt),
		},
	};
}

/**
 * Whether the member has seen a final answer: a message (4), an update (7), choices (8) or a modal (9);
 * or a deferral (5/6) followed by an edit of the original or a follow-up.
 */
export function isAnswered(outcome: InteractionOutcome): boolean {
	const first = outcome.callbacks[0];
	if (!first) return false;
	if (
		first.type === InteractionResponseType.DeferredChannelMessageWithSource ||
		first.type === InteractionResponseType.DeferredMessageUpdate
	) {
		return outcome.originalEdits > 0 || outcome.followUps.length > 0;
	}
	return true;
}

/**
 * Whether the last message the member sees is the bot's place-in-line notice (⏳, src/compute/queue-notice.ts), an
 * interim state its answer replaces, rather than an answer.
 */
export function showsWaitingNotice(outcome: InteractionOutcome): boolean {
	const shown = [outcome.original, ...outcome.followUps].filter((m) => m && !m.deleted).at(-1);
	return shown?.message.content.startsWith('⏳') ?? false;
}
