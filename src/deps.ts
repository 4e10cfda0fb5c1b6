import type { Config } from './config.js';
import type { AnyCommand } from './core/command.js';
import type { ChannelPoster } from './core/poster.js';
import type { Compute } from './compute/compute.js';
import type { ModelStatus } from './compute/model-status.js';
import type { Curriculum } from './curriculum/curriculum.js';
import type { LlmService } from './llm/service.js';
import type { BotMetrics } from './observability/metrics.js';
import type { Repositories } from './storage/repositories/index.js';

// The services handlers use, declared here where `createApp` composes them rather than in core (see core/deps.ts).
declare module './core/deps.js' {
	interface Deps {
		config: Config;
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
}

export type { Deps } from './core/deps.js';
