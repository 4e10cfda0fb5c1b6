import type { Store } from '../store.js';

/** A member's attendance at one meeting. */
export interface CheckIn {
	guildId: string;
	userId: string;
	/** The meeting's id: its start date in the schedule's time zone, `YYYY-MM-DD`. */
	meetingId: string;
	/** The curriculum week the schedule had posted for that meeting, when the server has a schedule. */
	week: number | null;
	/** ISO instants. */
	meetingStartsAt: string;
	at: string;
}

/** A meeting at which at least one member checked in. */
export interface MeetingRecord {
	meetingId: string;
	week: number | null;
	startsAt: string;
	/** Who checked in, in order. */
	attendeeIds: string[];
}

/**
 * Check-ins: one key per member and meeting (the record that makes it one check-in per member per meeting), and
 * the server's list of meetings with who attended, which /progress and /report read.
 */
export class CheckInRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, meetingId: string, userId: string): string {
		return `guild:${guildId}:checkin:${meetingId}:${userId}`;
	}
	private meetingsKey(guildId: string): string {
		return `guild:${guildId}:meetings`;
	}

	/**
	 * Records a check-in unless the member already checked in to that meeting (then returns the earlier one).
	 * Every write is acknowledged before this resolves.
	 */
	async checkIn(entry: CheckIn): Promise<{ recorded: boolean; checkIn: CheckIn }> {
		const key = this.key(entry.guildId, entry.meetingId, entry.userId);
		const outcome = await this.store.exclusive(key, async () => {
			const earlier = await this.store.get<CheckIn>(key);
			if (earlier) return { recorded: false, checkIn: earlier };
			await this.store.set(key, entry);
			return { recorded: true, checkIn: entry };
		});
		// Adding to the meeting list is idempotent, so a crash between the two writes is repaired by the member's retry.
		const meetingsKey = this.meetingsKey(entry.guildId);
		await this.store.exclusive(meetingsKey, async () => {
			const meetings = (await this.store.get<MeetingRecord[]>(meetingsKey)) ?? [];
			const found = meetings.find((m) => m.meetingId === entry.meetingId);
			if (found?.attendeeIds.includes(entry.userId)) return;
			const record: MeetingRecord = found
				? { ...found, week: found.week ?? entry.week, attendeeIds: [...found.attendeeIds, entry.userId] }
				: {
						meetingId: entry.meetingId,
						week: entry.week,
						startsAt: entry.meetingStartsAt,
						attendeeIds: [entry.userId],
					};
			const next = found
				? meetings.map((m) => (m === found ? record : m))
				: [...meetings, record].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
			await this.store.set(meetingsKey, next);
		});
		return outcome;
	}

	/** The check-in of a member at a meeting, if any. */
	async get(guildId: string, meetingId: string, userId: string): Promise<CheckIn | undefined> {
		return this.store.get<CheckIn>(this.key(guildId, meetingId, userId));
	}

	/** The meetings at which anyone checked in, oldest first. */
	async meetings(guildId: string): Promise<MeetingRecord[]> {
		return (await this.store.get<MeetingRecord[]>(this.meetingsKey(guildId))) ?? [];
	}
}
