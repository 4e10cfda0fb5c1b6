import type { Store } from '../store.js';

/**
 * - `in-progress`: written before anything is posted; if the bot stops now, the next start knows a post may exist.
 * - `retry`: an attempt failed; the next one is due at `nextAttemptAt`.
 * - `done`: every step was made (or left out for a recorded reason).
 * - `gave-up`: too many failures, or a send whose outcome is unknown and can no longer be repeated safely.
 */
export type LedgerState = 'in-progress' | 'retry' | 'done' | 'gave-up';

export type LedgerStep = 'thread' | 'event';

/** What the scheduler did about one job (a week's post or its reminder). */
export interface LedgerEntry {
	jobId: string;
	kind: 'post' | 'reminder';
	week: number;
	state: LedgerState;
	/** Discord's message nonce for this job: a repeat within Discord's window returns the first message. */
	nonce: string;
	attempts: number;
	/** When the send whose outcome is unknown started (ISO); the nonce only protects a repeat for a few minutes. */
	sendStartedAt: string | null;
	/** The last send was refused by Discord (an error answer), so no message exists and sending again is safe. */
	sendRejected: boolean;
	channelId: string;
	messageId: string | null;
	threadId: string | null;
	eventId: string | null;
	/** Steps left out for good, with the reason (e.g. the meeting had already started, or Discord refused). */
	skipped: Partial<Record<LedgerStep, string>>;
	lastError: string | null;
	/** ISO; set while `state` is `retry`. */
	nextAttemptAt: string | null;
	createdAt: string;
	updatedAt: string;
	/**
	 * A post re-posted with `/schedule post-now replace:true`: its message, thread and event were deleted and the job
	 * with this id made new ones (absent for a post never replaced).
	 */
	replacedBy?: string;
	/** ISO; when the replacement deleted this post. */
	replacedAt?: string;
	/** ISO; the last time `/schedule post-now` updated this post's text in place. */
	editedAt?: string;
}

/**
 * The entry that now stands for a job: the entry itself, or the re-post that replaced it (and so on), so a reminder
 * goes to the thread that exists and `/schedule show` reports the post members see.
 */
export function currentEntry(ledger: Ledger, jobId: string): LedgerEntry | undefined {
	let entry = ledger[jobId];
	for (let hops = 0; entry?.replacedBy && hops < 100; hops++) {
		const next = ledger[entry.replacedBy];
		if (!next) break;
		entry = next;
	}
	return entry;
}

/** A guild's entries by job id. */
export type Ledger = Readonly<Record<string, LedgerEntry>>;

/** Entries older than this are dropped on the next write: a course runs twelve weeks, plus pauses. */
const KEEP_MS = 200 * 24 * 60 * 60 * 1000;

/** The post ledger: which scheduled jobs were made, per guild, so a restart never posts twice. */
export class ScheduleLedgerRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string): string {
		return `guild:${guildId}:schedule-ledger`;
	}

	async get(guildId: string): Promise<Ledger> {
		return (await this.store.get<Record<string, LedgerEntry>>(this.key(guildId))) ?? {};
	}

	/**
	 * Changes one entry under the guild's lock and resolves once the store acknowledged the write, so a post is only
	 * attempted after "in progress" is on disk. Returns the saved entry.
	 */
	async update(
		guildId: string,
		jobId: string,
		change: (current: LedgerEntry | undefined) => LedgerEntry,
	): Promise<LedgerEntry> {
		return this.store.exclusive(this.key(guildId), async () => {
			const ledger = await this.get(guildId);
			const next = { ...change(ledger[jobId]), jobId };
			const cutoff = Date.parse(next.updatedAt) - KEEP_MS;
			const kept = Object.fromEntries(Object.entries(ledger).filter(([, e]) => Date.parse(e.updatedAt) >= cutoff));
			await this.store.set(this.key(guildId), { ...kept, [jobId]: next });
			return next;
		});
	}
}
