import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { AnyCommand } from './command.js';
import type { ChannelPoster } from './poster.js';
import type { Compute } from '../compute/compute.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { Curriculum } from '../curriculum/curriculum.js';
import type { BotMetrics } from '../observability/metrics.js';
import type { LlmService } from '../llm/service.js';

/** A model or data set the bot can load, as /about and /healthz report it. */
export interface ModelStatus {
	name: string;
	loaded: boolean;
	detail?: string;
}

/**
 * The services handlers use, built once in `src/index.ts` and replaced by fakes in tests.
 * Features add their services here (repositories, models, charts) as they arrive.
 */
export interface Deps {
	config: Config;
	clock: Clock;
	version: string;
	startedAt: Date;
	/** Every registered command, for /help. */
	commands: readonly AnyCommand[];
	/** The storage engine in use, e.g. `sqlite`, for /about. */
	storeKind: string;
	/** The status of each model the bot knows; loading is lazy, so most start unloaded. */
	modelStatus(): ModelStatus[];
	/** Posting outside interactions (scheduled posts, live quizzes). */
	poster: ChannelPoster;
	/** Model inference and chart rendering, off the gateway's event loop (a worker pool; inline in unit tests). */
	compute: Compute;
	/** Storage, as small repositories over the store. */
	repos: Repositories;
	/** The syllabus, session format and quiz bank, validated at start-up. */
	curriculum: Curriculum;
	/** Prometheus metrics (jobs count scheduled posts here). */
	metrics: BotMetrics;
	/** The AI tutor: an OpenAI-compatible model when OPENAI_API_KEY is set (see src/llm/service.ts). */
	llm: LlmService;
}
