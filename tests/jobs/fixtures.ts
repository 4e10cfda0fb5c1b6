import type { LedgerEntry } from '../../src/storage/repositories/schedule-ledger.js';
import { SCHEDULE_DEFAULTS, type GuildSchedule } from '../../src/storage/repositories/schedules.js';

export const GUILD = '200000000000000001';
export const CHANNEL = '300000000000000001';

/**
 * A started schedule in Seoul with the defaults: posts on Mondays 09:00 (00:00 UTC) from Monday 2 March 2026
 * (week 1), meetings on Wednesdays 21:00 (12:00 UTC), reminders 60 minutes before.
 */
export function seoulSchedule(overrides: Partial<GuildSchedule> = {}): GuildSchedule {
	return {
		guildId: GUILD,
		channelId: CHANNEL,
		timezone: SCHEDULE_DEFAULTS.timezone,
		postCron: SCHEDULE_DEFAULTS.postCron,
		meeting: { ...SCHEDULE_DEFAULTS.meeting },
		reminderMinutes: SCHEDULE_DEFAULTS.reminderMinutes,
		// Midnight of 2 March in Seoul.
		plan: { startWeek: 1, startAt: '2026-03-01T15:00:00.000Z', previous: null },
		pauses: [],
		skips: [],
		updatedAt: '2026-02-20T00:00:00.000Z',
		updatedBy: '100000000000000001',
		...overrides,
	};
}

/** A ledger entry with the given fields over a finished default. */
export function entry(jobId: string, fields: Partial<LedgerEntry> = {}): LedgerEntry {
	return {
		jobId,
		kind: jobId.startsWith('post') ? 'post' : 'reminder',
		week: 1,
		state: 'done',
		nonce: 'n',
		attempts: 1,
		sendStartedAt: null,
		sendRejected: false,
		channelId: CHANNEL,
		messageId: '900000000000000001',
		threadId: null,
		eventId: null,
		skipped: {},
		lastError: null,
		nextAttemptAt: null,
		createdAt: '2026-03-02T00:00:00.000Z',
		updatedAt: '2026-03-02T00:00:00.000Z',
		...fields,
	};
}

export const at = (iso: string) => new Date(iso);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
