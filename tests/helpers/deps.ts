import type { ChannelPoster } from '../../src/core/poster.js';
import type { Deps } from '../../src/core/deps.js';
import type { Reply } from '../../src/core/reply.js';
import type { Clock } from '../../src/core/clock.js';
import { loadConfig } from '../../src/config.js';
import { commands } from '../../commands/index.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { openStore, type Store } from '../../src/storage/store.js';
import { loadCurriculum, type Curriculum } from '../../src/curriculum/index.js';
import { BotMetrics } from '../../src/observability/metrics.js';
import { createLlmService } from '../../src/llm/service.js';

/** A poster that keeps what was posted, for handler tests that post outside the interaction. */
export class RecordingPoster implements ChannelPoster {
	readonly sent: { channelId: string; id: string; reply: Reply; nonce?: string }[] = [];
	private next = 1;
	async send(channelId: string, reply: Reply, options: { nonce?: string } = {}) {
		const existing = options.nonce ? this.sent.find((m) => m.nonce === options.nonce) : undefined;
		if (existing) return { id: existing.id };
		const id = String(1_000_000_000_000_000 + this.next++);
		this.sent.push({ channelId, id, reply, nonce: options.nonce });
		return { id };
	}
	async edit(channelId: string, messageId: string, reply: Reply) {
		const message = this.sent.find((m) => m.id === messageId && m.channelId === channelId);
		if (!message) throw new Error(`unknown message ${messageId}`);
		message.reply = reply;
	}
	async startThread() {
		return { id: String(2_000_000_000_000_000 + this.next++) };
	}
	async createScheduledEvent() {
		return { id: String(3_000_000_000_000_000 + this.next++) };
	}
	readonly deleted: { kind: 'message' | 'thread' | 'event'; id: string }[] = [];
	async deleteMessage(channelId: string, messageId: string) {
		const index = this.sent.findIndex((m) => m.id === messageId && m.channelId === channelId);
		if (index < 0) throw new Error(`unknown message ${messageId}`);
		this.sent.splice(index, 1);
		this.deleted.push({ kind: 'message', id: messageId });
	}
	async deleteThread(_parentId: string, threadId: string) {
		this.deleted.push({ kind: 'thread', id: threadId });
	}
	async deleteScheduledEvent(_guildId: string, eventId: string) {
		this.deleted.push({ kind: 'event', id: eventId });
	}
	async canPost() {
		return { ok: true as const };
	}
}

/** A store that refuses every call: tests that need storage pass a real one. */
const unavailableStore: Store = new Proxy({} as Store, {
	get: (_, property) =>
		property === 'kind'
			? 'sqlite'
			: () => Promise.reject(new Error(`test deps have no store (called ${String(property)})`)),
});

let curriculumPromise: Promise<Curriculum> | undefined;

/** The built-in curriculum, loaded once per test file. */
export function testCurriculum(): Promise<Curriculum> {
	curriculumPromise ??= loadCurriculum();
	return curriculumPromise;
}

/** Stands in until a test passes `curriculum: await testCurriculum()`. */
const curriculumNotLoaded: Curriculum = new Proxy({} as Curriculum, {
	get: (_, property) => {
		throw new Error(`test deps have no curriculum (read ${String(property)}): pass curriculum: await testCurriculum()`);
	},
});

/** A clock tests move by hand. */
export class ManualClock implements Clock {
	constructor(private time = new Date('2026-03-04T12:00:00Z')) {}
	now(): Date {
		return new Date(this.time);
	}
	set(time: Date): void {
		this.time = new Date(time);
	}
	advance(ms: number): void {
		this.time = new Date(this.time.getTime() + ms);
	}
}

/** An in-memory SQLite store: real storage code, nothing on disk. */
export function memoryStore(): Promise<Store> {
	return openStore('sqlite://:memory:');
}

/**
 * Deps for handler tests: real config defaults, every registered command, a manual clock, inline compute.
 * Pass `store` to give the repositories real storage (see {@link memoryStore}).
 */
export function testDeps(overrides: Partial<Deps> & { store?: Store } = {}): Deps {
	const { store, ...rest } = overrides;
	const clock = rest.clock ?? new ManualClock();
	const config = rest.config ?? loadConfig({ NODE_ENV: 'test' });
	const repos = rest.repos ?? createRepositories(store ?? unavailableStore);
	return {
		config,
		clock,
		version: '0.0.0-test',
		startedAt: clock.now(),
		commands,
		storeKind: 'sqlite',
		modelStatus: () => [],
		poster: new RecordingPoster(),
		compute: createInlineCompute(),
		repos,
		curriculum: curriculumNotLoaded,
		metrics: new BotMetrics({ defaultMetrics: false }),
		// Pass `config` with OPENAI_API_KEY and OPENAI_BASE_URL (tests/helpers/openai-server.ts) to use the tutor.
		llm: createLlmService({ config, repos, clock, retry: { retries: 2, baseDelayMs: 5, maxRetryAfterMs: 2000 } }),
		...rest,
	};
}
