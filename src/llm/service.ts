import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import { createLlmClient, type LlmClient } from './client.js';
import { LlmError } from './errors.js';
import { t } from '../i18n/index.js';
import type { RetryPolicy } from './retry.js';

/** A member's permission to make one model request: counted against their daily quota until refunded. */
export interface LlmTicket {
	client: LlmClient;
	/** Requests left today after this one; null when there is no limit. */
	remaining: number | null;
	/** Gives the request back (the model server failed, so the member got nothing for it). */
	refund(): Promise<void>;
}

export interface QuotaStatus {
	used: number;
	/** 0 = no limit. */
	limit: number;
	resetsAt: Date;
}

/** The AI tutor as handlers see it (`deps.llm`). */
export interface LlmService {
	/** Whether OPENAI_API_KEY is set. Without it every tutor command explains how to enable it. */
	readonly configured: boolean;
	readonly model: string;
	readonly embeddingModel: string;
	readonly dailyQuota: number;
	/** The client, for work that is not a member's request (none yet); throws the "how to enable" error without a key. */
	client(): LlmClient;
	/**
	 * Everything a member's request must pass, in order: a key is configured, the tutor is on in this server,
	 * and the member is under today's quota (which this counts). Throws a {@link UserError} that says what to do.
	 */
	begin(who: { guildId: string | null; userId: string }): Promise<LlmTicket>;
	/** The same checks as {@link begin} except the quota, counting nothing (for commands that call the model later). */
	ready(guildId: string | null): Promise<void>;
	quota(userId: string): Promise<QuotaStatus>;
}

/** Thrown by tutor commands when the bot has no OPENAI_API_KEY. */
export class LlmNotConfiguredError extends UserError {
	constructor() {
		super(t('tutor.notConfigured', { hint: t('tutor.enableHint') }), 'llm.not-configured');
	}
}

export interface LlmServiceOptions {
	config: Config;
	repos: Repositories;
	clock: Clock;
	/** Tests shorten the waits. */
	retry?: RetryPolicy;
}

/** The UTC day a time falls on, as the quota counts days. */
export function quotaDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}

function nextUtcMidnight(now: Date): Date {
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

function duration(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h > 0 ? t('tutor.hoursMinutes', { h, m }) : t('tutor.minutes', { m });
}

/** Builds `deps.llm` from the configuration. The client is created once, on first use. */
export function createLlmService(options: LlmServiceOptions): LlmService {
	const { config, repos, clock } = options;
	const limit = config.LLM_DAILY_QUOTA;
	let client: LlmClient | undefined;
	const getClient = (): LlmClient => {
		if (!config.OPENAI_API_KEY) throw new LlmNotConfiguredError();
		client ??= createLlmClient({
			apiKey: config.OPENAI_API_KEY,
			baseURL: config.OPENAI_BASE_URL,
			model: config.OPENAI_MODEL,
			embeddingModel: config.OPENAI_EMBEDDING_MODEL,
			timeoutMs: config.LLM_TIMEOUT_MS,
			retry: options.retry,
		});
		return client;
	};

	async function ready(guildId: string | null): Promise<void> {
		getClient();
		if (guildId && !(await repos.tutorSettings.get(guildId)).enabled) {
			throw new UserError(t('tutor.disabled'), 'llm.disabled');
		}
	}

	return {
		configured: Boolean(config.OPENAI_API_KEY),
		model: config.OPENAI_MODEL,
		embeddingModel: config.OPENAI_EMBEDDING_MODEL,
		dailyQuota: limit,
		client: getClient,
		ready,
		async begin({ guildId, userId }) {
			const llm = getClient();
			await ready(guildId);
			const now = clock.now();
			const day = quotaDay(now);
			const result = await repos.llmQuota.tryConsume(userId, day, limit);
			if (!result.ok) {
				const reset = nextUtcMidnight(now);
				throw new UserError(
					t('tutor.quotaUsed', { limit, wait: duration(reset.getTime() - now.getTime()) }),
					'llm.quota',
				);
			}
			let refunded = false;
			return {
				client: llm,
				remaining: limit > 0 ? limit - result.used : null,
				refund: async () => {
					if (refunded) return;
					refunded = true;
					await repos.llmQuota.refund(userId, day);
				},
			};
		},
		async quota(userId) {
			const now = clock.now();
			return { used: await repos.llmQuota.used(userId, quotaDay(now)), limit, resetsAt: nextUtcMidnight(now) };
		},
	};
}

/** Runs a request on a ticket, refunding it when the model server failed (the member got nothing). */
export async function spend<T>(ticket: LlmTicket, run: (client: LlmClient) => Promise<T>): Promise<T> {
	try {
		return await run(ticket.client);
	} catch (error) {
		if (error instanceof LlmError) await ticket.refund().catch(() => undefined);
		throw error;
	}
}

/** "12 of 50 tutor requests left today", or '' without a limit. */
export function remainingLine(ticket: LlmTicket, limit: number): string {
	return ticket.remaining === null ? '' : t('tutor.remaining', { remaining: ticket.remaining, limit });
}

/** The same line from a quota status (for screens that make no request). */
export function quotaLine(status: QuotaStatus): string {
	return status.limit > 0
		? t('tutor.remaining', { remaining: Math.max(0, status.limit - status.used), limit: status.limit })
		: '';
}
