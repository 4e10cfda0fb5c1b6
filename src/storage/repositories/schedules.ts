import type { Store } from '../store.js';

/** When and where the group meets; the weekly post announces the next meeting and creates its Discord event. */
export interface MeetingSettings {
	/** 0 Sunday … 6 Saturday, in the schedule's time zone. */
	weekday: number;
	hour: number;
	minute: number;
	durationMinutes: number;
	/** A voice or stage channel for the scheduled event; null makes it an external event. */
	channelId: string | null;
}

/**
 * Where the plan stands: the first post occurrence at or after `startAt` gets `startWeek` (see `startedAt` for a
 * start after this week's post time), and each later one that is neither paused nor skipped gets the next week.
 */
export interface SchedulePlan {
	/**
	 * Set by `/schedule start` (the interaction's id) and kept when the plan is re-based; part of the ledger id of every
	 * post and reminder the plan makes. Absent in plans started before plans had ids (their ledger ids have no plan).
	 */
	id?: string;
	startWeek: number;
	/** ISO instant. */
	startAt: string;
	/**
	 * The post made before the plan was last re-based (the post time or time zone changed mid-course), so that the
	 * current week, its reminder and its thread carry over. Null for a fresh start.
	 */
	previous: { week: number; at: string } | null;
	/**
	 * When `/schedule start` ran (ISO instant; absent in plans started before it was recorded). For a start on
	 * `startAt`'s day or later, this week's post time may have passed already: if its meeting is still ahead, the
	 * start week is posted at this moment instead of waiting a week.
	 */
	startedAt?: string;
}

/** A guild's weekly schedule, as organizers set it with /schedule. */
export interface GuildSchedule {
	guildId: string;
	/** The text channel for the weekly posts (threads start there). */
	channelId: string;
	/** IANA name, e.g. `Asia/Seoul`. */
	timezone: string;
	/** Five-field cron expression for the weekly post, in `timezone`. */
	postCron: string;
	meeting: MeetingSettings;
	/** How long before the meeting the reminder is posted in the week's thread; 0 for none. */
	reminderMinutes: number;
	/** Null until an organizer runs `/schedule start`. */
	plan: SchedulePlan | null;
	/**
	 * Paused intervals (ISO instants); `to` is null while paused. Posts falling inside are not made, except the last
	 * one when its meeting is still ahead at the resume: it is made then.
	 */
	pauses: { from: string; to: string | null }[];
	/** ISO instants of post occurrences that are skipped: the rest of the plan moves one week later. */
	skips: string[];
	updatedAt: string;
	updatedBy: string;
}

/** What `/schedule set` fills in when an organizer leaves a setting out the first time. */
export const SCHEDULE_DEFAULTS = {
	timezone: 'Asia/Seoul',
	/** Mondays at 09:00: the week's material arrives two days before the meeting. */
	postCron: '0 9 * * 1',
	meeting: { weekday: 3, hour: 21, minute: 0, durationMinutes: 90, channelId: null },
	reminderMinutes: 60,
} as const satisfies Partial<GuildSchedule>;

/** One schedule per guild. */
export class ScheduleRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string): string {
		return `guild:${guildId}:schedule`;
	}

	async get(guildId: string): Promise<GuildSchedule | undefined> {
		return this.store.get<GuildSchedule>(this.key(guildId));
	}

	/** The schedules of several guilds at once (one store call), in the same order; undefined where none is set. */
	async getMany(guildIds: readonly string[]): Promise<(GuildSchedule | undefined)[]> {
		return this.store.getMany<GuildSchedule>(guildIds.map((id) => this.key(id)));
	}

	/**
	 * Read-modify-write under the guild's lock. `change` may throw to refuse (nothing is saved); its result is saved
	 * and returned.
	 */
	async update(
		guildId: string,
		change: (current: GuildSchedule | undefined) => GuildSchedule | Promise<GuildSchedule>,
	): Promise<GuildSchedule> {
		return this.store.exclusive(this.key(guildId), async () => {
			const next = await change(await this.get(guildId));
			await this.store.set(this.key(guildId), next);
			return next;
		});
	}

	async delete(guildId: string): Promise<boolean> {
		return this.store.delete(this.key(guildId));
	}
}
