import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ComputeStats } from '../compute/compute.js';
import type { OutcomeListener } from '../core/interaction.js';

/**
 * The bot's Prometheus metrics: command latency by command, errors by kind, the compute queue, scheduled posts, and
 * the event-loop delay of this (the gateway's) thread.
 */
export class BotMetrics {
	readonly registry = new Registry();
	readonly commandLatency = new Histogram({
		name: 'bot_interaction_duration_seconds',
		help: 'From the interaction reaching the bot to its final reply, by command, kind and outcome',
		labelNames: ['command', 'kind', 'outcome'] as const,
		buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
		registers: [this.registry],
	});
	readonly errors = new Counter({
		name: 'bot_interaction_errors_total',
		help: 'Interactions that ended in an error, by kind (user-error or error) and code',
		labelNames: ['kind', 'code'] as const,
		registers: [this.registry],
	});
	readonly scheduledPosts = new Counter({
		name: 'bot_scheduled_posts_total',
		help: 'Scheduled posts by result: made, missed (past the grace period), failed',
		labelNames: ['result'] as const,
		registers: [this.registry],
	});
	private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

	constructor(options: { computeStats?: () => ComputeStats; defaultMetrics?: boolean } = {}) {
		this.loopDelay.enable();
		const loop = this.loopDelay;
		new Gauge({
			name: 'bot_event_loop_delay_p99_seconds',
			help: 'p99 event-loop delay of the gateway thread since the last scrape',
			registers: [this.registry],
			// Across shard processes the worst one matters, not the sum.
			aggregator: 'max',
			collect() {
				this.set(loop.percentile(99) / 1e9);
				loop.reset();
			},
		});
		const stats = options.computeStats;
		if (stats) {
			new Gauge({
				name: 'bot_compute_queue_depth',
				help: 'Tasks waiting for a worker thread',
				registers: [this.registry],
				collect() {
					this.set(stats().queued);
				},
			});
			new Gauge({
				name: 'bot_compute_running',
				help: 'Tasks running on worker threads',
				registers: [this.registry],
				collect() {
					this.set(stats().running);
				},
			});
			new Gauge({
				name: 'bot_compute_cache_tasks',
				help: 'Pure tasks asked of the answer cache, by whether they ran or were answered from it (or a run in flight)',
				labelNames: ['result'] as const,
				registers: [this.registry],
				collect() {
					const cache = stats().cache;
					if (!cache) return;
					this.set({ result: 'ran' }, cache.ran);
					this.set({ result: 'shared' }, cache.asked - cache.ran);
				},
			});
		}
		if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'bot_' });
	}

	/** Records one handled interaction (plug into the dispatcher's onOutcome). */
	readonly onOutcome: OutcomeListener = (event) => {
		this.commandLatency.observe(
			{ command: event.name, kind: event.kind, outcome: event.outcome },
			event.latencyMs / 1000,
		);
		if (event.outcome !== 'ok') this.errors.inc({ kind: event.outcome, code: event.errorCode ?? 'unexpected' });
	};

	/** The Prometheus text exposition. */
	text(): Promise<string> {
		return this.registry.metrics();
	}

	get contentType(): string {
		return this.registry.contentType;
	}

	stop(): void {
		this.loopDelay.disable();
	}
}
