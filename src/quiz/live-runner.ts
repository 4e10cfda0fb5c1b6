import type { Logger } from 'pino';
import type { Deps } from '../core/deps.js';
import { stepQuiz } from './live-steps.js';

export interface LiveQuizRunnerOptions {
	deps: Pick<Deps, 'repos' | 'poster' | 'clock' | 'compute' | 'curriculum'>;
	log: Logger;
	/** How often the list of running quizzes is checked; a question's results come at most this late. */
	intervalMs?: number;
}

/** Default check interval: results appear within half a second of the countdown's end. */
export const LIVE_TICK_MS = 500;

/**
 * Drives live quizzes: on every tick it reads the running quizzes from storage and runs each step that is due
 * (close a question, post the next). Nothing is kept in memory between ticks, so after a restart the first tick
 * (run at once by {@link start}, which the transport calls once it can post) picks up every quiz where it stood: a
 * question whose time ran out while the bot was down is closed then, and its buttons answer politely meanwhile.
 */
export class LiveQuizRunner {
	private timer: NodeJS.Timeout | null = null;
	private running: Promise<void> | null = null;
	private owned: (() => Iterable<string>) | null = null;

	constructor(private readonly options: LiveQuizRunnerOptions) {}

	/**
	 * Recovers due steps now, then checks every `intervalMs`. With sharding, `ownedGuilds` names the guilds this
	 * process serves (read at every tick), so each quiz is driven by exactly one process.
	 */
	async start(ownedGuilds?: () => Iterable<string>): Promise<void> {
		if (this.timer) return;
		this.owned = ownedGuilds ?? null;
		this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? LIVE_TICK_MS);
		this.timer.unref();
		await this.tick();
	}

	/** Stops checking and waits for a step in progress. */
	async stop(): Promise<void> {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
		await this.running;
	}

	/** Runs every due step once. A tick while one is in progress returns that one (ticks never overlap). */
	tick(): Promise<void> {
		this.running ??= this.runDue().finally(() => {
			this.running = null;
		});
		return this.running;
	}

	private async runDue(): Promise<void> {
		const { deps, log } = this.options;
		let running;
		try {
			running = await deps.repos.liveQuizzes.running();
		} catch (error) {
			log.warn({ err: error }, 'live quizzes: cannot read the running list');
			return;
		}
		const now = deps.clock.now().getTime();
		const owned = this.owned ? new Set(this.owned()) : null;
		for (const { guildId, quizId } of running) {
			if (owned && !owned.has(guildId)) continue;
			try {
				const quiz = await deps.repos.liveQuizzes.get(guildId, quizId);
				if (quiz && quiz.dueAt !== null && Date.parse(quiz.dueAt) > now) continue;
				await stepQuiz(deps, log, guildId, quizId);
			} catch (error) {
				log.warn({ err: error, guildId, quizId }, 'live quiz step failed');
			}
		}
	}
}
