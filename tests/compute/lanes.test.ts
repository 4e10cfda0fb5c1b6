import { describe, expect, it } from 'vitest';
import sample from '../../commands/sample.js';
import type { Compute } from '../../src/compute/compute.js';
import { laneOf } from '../../src/compute/cost.js';
import { createInlineCompute } from '../../src/compute/inline.js';
import type { TaskInput, TaskName, TaskOutput } from '../../src/compute/tasks/index.js';
import { LaneScheduler, StillRunningError, type Lane, type Requester } from '../../src/compute/lanes.js';
import { BusyError } from '../../src/core/errors.js';
import { shownCommandName } from '../../src/i18n/command-texts.js';
import { withLanguage } from '../../src/i18n/index.js';
import { settingsFrom } from '../../src/demos/sample/input.js';
import { testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

/** A job that runs until the test finishes it, recording when it started. */
function gatedJob(log: string[], name: string): { job: () => Promise<string>; finish: () => void } {
	let finish!: () => void;
	const gate = new Promise<void>((resolve) => (finish = resolve));
	return {
		job: async () => {
			log.push(name);
			await gate;
			return name;
		},
		finish,
	};
}

/** Lets started jobs run up to their gates. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function harness(slots = 2, heavySlots = 1, maxQueue = 8) {
	const lanes = new LaneScheduler({ slots, heavySlots, maxQueue });
	const started: string[] = [];
	const gates = new Map<string, () => void>();
	const submit = (lane: Lane, name: string, member?: string) => {
		const { job, finish } = gatedJob(started, name);
		gates.set(name, finish);
		return lanes.submit(lane, { member, command: '/sample' }, job);
	};
	const finish = async (name: string) => {
		gates.get(name)!();
		await settle();
	};
	return { lanes, started, submit, finish };
}

describe('lanes by expected cost', () => {
	it('GIVEN a heavy task that has to wait THEN its member is told their place once, with a wait from the last run', async () => {
		const lanes = new LaneScheduler({ slots: 2, heavySlots: 1, maxQueue: 8 });
		const told: { who: string; ahead: number; expectedMs?: number }[] = [];
		const job = (ms: number) => () => new Promise<string>((r) => setTimeout(() => r('done'), ms));
		const ask = (who: string, ms: number) =>
			lanes.submit('heavy', { member: who, onQueued: (wait) => told.push({ who, ...wait }) }, job(ms));
		// The first run starts at once (nothing told) and sets the lane's typical time.
		await ask('ann', 40);
		expect(told).toEqual([]);
		const runs = [ask('ann', 40), ask('bob', 40), ask('cy', 40)];
		await Promise.all(runs);
		expect(told.map((w) => [w.who, w.ahead])).toEqual([
			['bob', 1],
			['cy', 2],
		]);
		// About the typical run time (≈ 40 ms) times (ahead / slots + ½).
		expect(told[0]!.expectedMs).toBeGreaterThanOrEqual(40 * 1.5 * 0.8);
		expect(told[1]!.expectedMs).toBeGreaterThan(told[0]!.expectedMs!);
	});

	it('GIVEN a Korean member’s second long /sample THEN the refusal is Korean and names the command as their client shows it', () => {
		const message = withLanguage('ko', () => new StillRunningError(shownCommandName('sample')).message);
		expect(message).toBe('조금 전에 보낸 /샘플링 요청이 아직 실행 중입니다. 그 답이 먼저 나온 뒤에 다시 해 보세요.');
	});

	it('GIVEN a queued task whose notice throws THEN the task still runs', async () => {
		const lanes = new LaneScheduler({ slots: 1, heavySlots: 1, maxQueue: 8 });
		const first = lanes.submit('light', {}, () => new Promise((r) => setTimeout(() => r('a'), 10)));
		const onQueued = () => {
			throw new Error('no channel');
		};
		await expect(lanes.submit('light', { onQueued }, async () => 'b')).resolves.toBe('b');
		await first;
	});

	it('GIVEN a heavy task holding the heavy slot THEN a second heavy one waits while a light one starts at once', async () => {
		const { started, submit, finish, lanes } = harness();
		const h1 = submit('heavy', 'heavy-1', 'ann');
		const h2 = submit('heavy', 'heavy-2', 'bob');
		const l1 = submit('light', 'light-1', 'ann');
		await settle();
		expect(started).toEqual(['heavy-1', 'light-1']);
		expect(lanes.stats()).toEqual({ queued: { light: 0, heavy: 1 }, running: 2, heavyRunning: 1 });
		await finish('heavy-1');
		expect(started).toEqual(['heavy-1', 'light-1', 'heavy-2']);
		await finish('light-1');
		await finish('heavy-2');
		expect(await Promise.all([h1, h2, l1])).toEqual(['heavy-1', 'heavy-2', 'light-1']);
		expect(lanes.stats()).toEqual({ queued: { light: 0, heavy: 0 }, running: 0, heavyRunning: 0 });
	});

	it('GIVEN light and heavy tasks both waiting THEN a freed slot goes to the light one, whatever arrived first', async () => {
		const { started, submit, finish } = harness(1, 1);
		const all = [submit('light', 'light-1'), submit('heavy', 'heavy-1', 'ann'), submit('light', 'light-2')];
		await settle();
		expect(started).toEqual(['light-1']);
		await finish('light-1');
		expect(started).toEqual(['light-1', 'light-2']);
		await finish('light-2');
		expect(started).toEqual(['light-1', 'light-2', 'heavy-1']);
		await finish('heavy-1');
		await Promise.all(all);
	});

	it('GIVEN a full lane THEN the next task in that lane is refused at once with BusyError, the other lane still accepts', async () => {
		const { submit, finish } = harness(1, 1, 1);
		const running = submit('light', 'light-1');
		const queued = submit('light', 'light-2');
		await expect(submit('light', 'light-3')).rejects.toBeInstanceOf(BusyError);
		const heavy = submit('heavy', 'heavy-1', 'ann');
		await finish('light-1');
		await finish('light-2');
		await finish('heavy-1');
		expect(await Promise.all([running, queued, heavy])).toEqual(['light-1', 'light-2', 'heavy-1']);
	});
});

describe('one heavy task per member', () => {
	it('GIVEN a member’s heavy task running THEN their second is refused at once, privately worded, and a later one is accepted', async () => {
		const { started, submit, finish } = harness();
		const first = submit('heavy', 'heavy-1', 'ann');
		await settle();
		const second = submit('heavy', 'heavy-2', 'ann');
		await expect(second).rejects.toBeInstanceOf(StillRunningError);
		await expect(second).rejects.toThrow('Your /sample from a moment ago is still running');
		// Light work from the same member and heavy work from others are not held back.
		const light = submit('light', 'light-1', 'ann');
		const other = submit('heavy', 'heavy-3', 'bob');
		await settle();
		expect(started).toEqual(['heavy-1', 'light-1']);
		await finish('heavy-1');
		await finish('light-1');
		await finish('heavy-3');
		await Promise.all([first, light, other]);
		const again = submit('heavy', 'heavy-4', 'ann');
		await finish('heavy-4');
		expect(await again).toBe('heavy-4');
	});

	it('GIVEN a member’s heavy task still queued THEN their second is refused too', async () => {
		const { submit, finish } = harness(1, 1);
		const blocker = submit('heavy', 'heavy-1', 'bob');
		const queued = submit('heavy', 'heavy-2', 'ann');
		await expect(submit('heavy', 'heavy-3', 'ann')).rejects.toBeInstanceOf(StillRunningError);
		await finish('heavy-1');
		await finish('heavy-2');
		await Promise.all([blocker, queued]);
	});

	it('GIVEN a heavy task that fails THEN the member may start another', async () => {
		const lanes = new LaneScheduler({ slots: 1, heavySlots: 1, maxQueue: 4 });
		const failing = lanes.submit('heavy', { member: 'ann' }, () => Promise.reject(new Error('boom')));
		await expect(failing).rejects.toThrow('boom');
		expect(await lanes.submit('heavy', { member: 'ann' }, async () => 'ok')).toBe('ok');
	});
});

describe('expected cost of a task', () => {
	it('GIVEN /sample’s defaults THEN light; GIVEN samples:200 tokens:50 THEN heavy; other demos light', () => {
		const defaults = settingsFrom({}, () => 1);
		expect(laneOf('sample.local', { prompt: 'The old prince said', settings: defaults })).toBe('light');
		const long = settingsFrom({ samples: 200, tokens: 50 }, () => 1);
		expect(laneOf('sample.local', { prompt: 'The old prince said', settings: long })).toBe('heavy');
		expect(laneOf('system.ping', { value: 1 })).toBe('light');
	});
});

describe('/sample through the lanes', () => {
	it('GIVEN a member’s long /sample still running THEN their second /sample is answered at once with the still-running message', async () => {
		const lanes = new LaneScheduler({ slots: 2, heavySlots: 1, maxQueue: 8 });
		const seen: Requester[] = [];
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const inline = createInlineCompute();
		// The pool's scheduling in front of inline compute; the first task is held until the test releases it.
		const compute: Compute = {
			...inline,
			run: async <K extends TaskName>(
				name: K,
				input: TaskInput<K>,
				requester: Requester = {},
			): Promise<TaskOutput<K>> => {
				seen.push(requester);
				return lanes.submit(laneOf(name, input), requester, () => held.then(() => inline.run(name, input)));
			},
		};
		const deps = testDeps({ compute });
		const long = { prompt: 'The old prince said', samples: 200, tokens: 50 };
		const first = runForReply(sample, long, { deps, userId: '42' });
		await settle();
		await expect(runForReply(sample, long, { deps, userId: '42' })).rejects.toThrow(
			'Your /sample from a moment ago is still running',
		);
		expect(seen).toEqual([
			{ member: '42', command: '/sample' },
			{ member: '42', command: '/sample' },
		]);
		release();
		// Two charts and samples:N's CSV of every draw.
		expect((await first).files?.map((f) => f.name)).toEqual([
			'sample-next.png',
			'sample-draws.png',
			'sample-draws.csv',
		]);
	}, 120_000);
});
