import { schedule as cronSchedule } from 'node-cron';
import type { Logger } from 'pino';
import type { Deps } from '../core/deps.js';
import type { LedgerState } from '../storage/repositories/schedule-ledger.js';
import { dueJobs, missedPosts, type DueOptions } from './due.js';
import { runJob } from './run-job.js';
import { withLanguage } from '../i18n/index.js';
import { publicLanguage } from '../storage/repositories/guild-settings.js';

/** What wakes the scheduler up. It decides nothing: each wake-up asks {@link dueJobs} what is due. */
export interface Waker {
	/** Starts calling `wake`; returns the function that stops it. */
	start(wake: () => void): () => void;
}

/** Every minute on the minute, with node-cron (posts are set to the minute, so none is more than a second late). */
export const everyMinute: Waker = {
	start(wake) {
		// A wake-up missed while the event loop was busy needs no warning: the next one does what is due.
		const task = cronSchedule('* * * * *', wake, { name: 'weekly-schedule', suppressMissedWarning: true });
		return () => void task.destroy();
	},
};

/** Every `ms` milliseconds (tests with a fake clock wake often so a moved clock is noticed quickly). */
export function everyMs(ms: number): Waker {
	return {
		start(wake) {
			const timer = setInterval(wake, ms);
			timer.unref();
			return () => clearInterval(timer);
		},
	};
}

/** Never wakes on its own: the caller runs {@link Scheduler.tick}. */
export const manualWake: Waker = { start: () => () => {} };

export interface SchedulerOptions {
	deps: Pick<Deps, 'clock' | 'poster' | 'repos' | 'curriculum' | 'config' | 'metrics'>;
	log: Logger;
	/**
	 * The guilds this process serves, read at every wake-up: with sharding, each process passes its shards' guilds,
	 * so every guild's posts are made by exactly one process.
	 */
	ownedGuilds: () => Iterable<string>;
	/** Default: {@link everyMinute}. */
	wake?: Waker;
}

/** What one wake-up did. */
export interface TickReport {
	at: Date;
	ran: { guildId: string; jobId: string; kind: 'post' | 'reminder'; week: number; state: LedgerState }[];
	errors: { guildId: string; error: string }[];
}

/** Schedules are read this many at a time. */
const BATCH = 100;

/**
 * Makes the weekly posts and reminders of the guilds this process owns. Schedules and the post ledger live in
 * storage, so a restart loses nothing: {@link start} runs one wake-up at once, which makes a post missed while the
 * bot was down (if it is within the grace period), and never one already made.
 */
export class Scheduler {
	private chain: Promise<unknown> = Promise.resolve();
	private stopWaking: (() => void) | null = null;
	private queued = false;
	/** Missed posts already counted, so each counts once per process. */
	private readonly reportedMissed = new Set<string>();

	constructor(private readonly options: SchedulerOptions) {}

	/** Runs the recovery wake-up, then wakes on the waker's rhythm. Returns the recovery's report. */
	start(): Promise<TickReport> {
		if (!this.stopWaking) {
			this.stopWaking = (this.options.wake ?? everyMinute).start(() => {
				// A wake-up while one is queued or running adds nothing: the next one catches up.
				if (this.queued) return;
				this.queued = true;
				this.tick()
					.catch((error: unknown) => this.options.log.error({ err: error }, 'schedule wake-up failed'))
					.finally(() => (this.queued = false));
			});
		}
		return this.tick();
	}

	/** Stops waking and waits for a running wake-up to finish. */
	async stop(): Promise<void> {
		this.stopWaking?.();
		this.stopWaking = null;
		await this.chain.catch(() => undefined);
	}

	/** Does what is due now (after any wake-up already running). */
	tick(): Promise<TickReport> {
		const next = this.chain.then(() => this.runOnce());
		this.chain = next.catch(() => undefined);
		return next;
	}

	private async runOnce(): Promise<TickReport> {
		const { deps, log } = this.options;
		// One reading of the clock per wake-up; jobs get it passed in.
		const now = deps.clock.now();
		const report: TickReport = { at: now, ran: [], errors: [] };
		const guilds = [...new Set(this.options.ownedGuilds())];
		const lastWeek = deps.curriculum.weeks.at(-1)?.number ?? 0;
		const due: DueOptions = { graceMs: deps.config.SCHEDULE_GRACE_MINUTES * 60_000, lastWeek };
		for (let i = 0; i < guilds.length; i += BATCH) {
			const batch = guilds.slice(i, i + BATCH);
			let schedules;
			try {
				schedules = await deps.repos.schedules.getMany(batch);
			} catch (error) {
				log.error({ err: error }, 'could not read schedules');
				report.errors.push(...batch.map((guildId) => ({ guildId, error: String(error) })));
				continue;
			}
			for (const [j, schedule] of schedules.entries()) {
				const guildId = batch[j]!;
				if (!schedule?.plan) continue;
				try {
					const ledger = await deps.repos.scheduleLedger.get(guildId);
					// The weekly post and reminders are public: in the server's language (no interaction to ask).
					const language = publicLanguage(await deps.repos.settings.get(guildId));
					for (const job of dueJobs(schedule, ledger, now, due)) {
						const entry = await withLanguage(language, () =>
							runJob(job, {
								guildId,
								now,
								poster: deps.poster,
								ledger: deps.repos.scheduleLedger,
								curriculum: deps.curriculum.in(language),
								log,
								tutor: Boolean(deps.config.OPENAI_API_KEY),
							}),
						);
						report.ran.push({ guildId, jobId: job.id, kind: job.kind, week: job.week, state: entry.state });
						if (job.kind === 'post' && entry.state !== 'in-progress') {
							deps.metrics.scheduledPosts.inc({
								result: entry.state === 'done' ? 'made' : entry.state === 'retry' ? 'retry' : 'failed',
							});
						}
					}
					for (const missed of missedPosts(schedule, ledger, now, due)) {
						const key = `${guildId}:${missed.id}`;
						if (this.reportedMissed.has(key)) continue;
						this.reportedMissed.add(key);
						deps.metrics.scheduledPosts.inc({ result: 'missed' });
						log.warn(
							{ guild: guildId, week: missed.week, at: missed.at },
							'weekly post missed: the bot was down past the grace period',
						);
					}
				} catch (error) {
					log.error({ err: error, guild: guildId }, 'scheduled jobs failed');
					report.errors.push({ guildId, error: error instanceof Error ? error.message : String(error) });
				}
			}
		}
		return report;
	}
}
