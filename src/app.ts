import os from 'node:os';
import { commands as allCommands } from '../commands/index.js';
import type { Compute } from './compute/compute.js';
import { curriculumDirs, loadCurriculum, type Curriculum } from './curriculum/index.js';
import { memoizePureTasks } from './compute/memo.js';
import { createWorkerPool } from './compute/pool.js';
import { ModelStatusBoard } from './compute/model-status.js';
import type { Config } from './config.js';
import { systemClock, type Clock } from './core/clock.js';
import type { AnyCommand } from './core/command.js';
import type { Deps } from './deps.js';
import { Dispatcher } from './core/dispatch.js';
import type { OutcomeListener } from './core/interaction.js';
import type { ChannelPoster } from './core/poster.js';
import { createRegistry, type Registry } from './core/registry.js';
import type { Logger } from './logger.js';
import { createRepositories } from './storage/repositories/index.js';
import { openStore, type Store } from './storage/store.js';
import { version } from './version.js';
import { BotMetrics } from './observability/metrics.js';
import { createLlmService } from './llm/service.js';
import { demoRunListener } from './quiz/demo-runs.js';
import { LiveQuizRunner } from './quiz/live-runner.js';

export interface App {
	config: Config;
	log: Logger;
	store: Store;
	deps: Deps;
	registry: Registry;
	dispatcher: Dispatcher;
	metrics: BotMetrics;
	/** Drives live quizzes from storage; the transport starts it once it can post (due steps are recovered then). */
	liveQuizzes: LiveQuizRunner;
	/** Loads every model in the background (the word vectors here, the rest in each worker); progress shows in /about. */
	warmUp(): Promise<void>;
	close(): Promise<void>;
}

export interface AppOptions {
	config: Config;
	log: Logger;
	poster: ChannelPoster;
	clock?: Clock;
	commands?: readonly AnyCommand[];
	/** An already-open store (tests); otherwise STORE_URL is opened. */
	store?: Store;
	/** Where heavy work runs; default: a worker pool sized to the cores. */
	compute?: Compute;
	/** A curriculum already loaded (tests); otherwise the built-in one plus CURRICULUM_DIR. */
	curriculum?: Curriculum;
	onOutcome?: OutcomeListener;
	/** How often the live-quiz runner checks for due steps (default 500 ms; tests drive it with `liveQuizzes.tick()`). */
	liveQuizTickMs?: number;
}

/**
 * Worker threads per process: one per core, shared among the shard processes of this machine (each shard is one
 * process with its own pool), unless COMPUTE_THREADS says otherwise.
 */
export function computeSizing(config: Config): { threads: number; maxQueue?: number } {
	const cores = Math.max(1, os.availableParallelism());
	const processes = config.SHARDING_MANAGER ? (config.SHARD_COUNT ?? 1) : 1;
	return {
		threads: config.COMPUTE_THREADS ?? Math.max(1, Math.floor(cores / processes)),
		maxQueue: config.COMPUTE_MAX_QUEUE,
	};
}

/**
 * Everything after the transport: storage, services, commands and the dispatcher. The Discord transport and the
 * local mode both build the same App, so a command behaves the same in both.
 */
export async function createApp(options: AppOptions): Promise<App> {
	const { config, log } = options;
	// A broken curriculum file stops start-up here, naming the file, line and reason.
	const curriculum = options.curriculum ?? (await loadCurriculum(curriculumDirs(config)));
	const store = options.store ?? (await openStore(config.STORE_URL, { namespace: config.STORE_NAMESPACE }));
	const commands = options.commands ?? allCommands;
	const registry = createRegistry(commands);
	const compute =
		options.compute ??
		memoizePureTasks(createWorkerPool(computeSizing(config)), { maxBytes: config.COMPUTE_CACHE_MIB * 1024 * 1024 });
	const clock = options.clock ?? systemClock;
	const repos = createRepositories(store);
	const models = new ModelStatusBoard();
	const metrics = new BotMetrics({ computeStats: () => compute.stats() });
	const deps: Deps = {
		config,
		clock,
		version,
		startedAt: (options.clock ?? systemClock).now(),
		commands,
		storeKind: store.kind,
		modelStatus: () => models.list(),
		poster: options.poster,
		compute,
		repos,
		curriculum,
		llm: createLlmService({ config, repos, clock }),
		metrics,
	};
	const countDemos = demoRunListener(deps, log);
	const onOutcome: OutcomeListener = (event) => {
		metrics.onOutcome(event);
		countDemos(event);
		options.onOutcome?.(event);
	};
	const dispatcher = new Dispatcher({ registry, deps, log, onOutcome });
	const liveQuizzes = new LiveQuizRunner({ deps, log, intervalMs: options.liveQuizTickMs });
	return {
		config,
		log,
		store,
		deps,
		registry,
		dispatcher,
		metrics,
		liveQuizzes,
		warmUp: async () => {
			const started = Date.now();
			await models.warmUp(compute);
			log.info({ ms: Date.now() - started, models: models.list() }, 'models warmed up');
		},
		close: async () => {
			metrics.stop();
			await liveQuizzes.stop();
			await compute.close();
			await store.close();
		},
	};
}
