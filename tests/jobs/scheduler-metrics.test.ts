import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/core/deps.js';
import { manualWake, Scheduler } from '../../src/jobs/scheduler.js';
import { LOCAL_IDS } from '../../src/local/guild.js';
import { LocalWorkspace } from '../../src/local/workspace.js';
import type { Store } from '../../src/storage/store.js';
import { ManualClock, memoryStore, testCurriculum, testDeps } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { at, seoulSchedule } from './fixtures.js';

const GUILD = LOCAL_IDS.guild;

async function postsCounted(deps: Deps): Promise<Record<string, number>> {
	const metric = await deps.metrics.scheduledPosts.get();
	return Object.fromEntries(metric.values.map((v) => [String(v.labels.result), v.value]));
}

describe('scheduled-post metrics', () => {
	let store: Store;
	let clock: ManualClock;
	let deps: Deps;
	beforeEach(async () => {
		store = await memoryStore();
		clock = new ManualClock(at('2026-03-01T23:00:00Z'));
		deps = testDeps({ store, clock, curriculum: await testCurriculum(), poster: new LocalWorkspace({ clock }).poster });
		await deps.repos.schedules.update(GUILD, () =>
			seoulSchedule({ guildId: GUILD, channelId: LOCAL_IDS.channels.studyGroup }),
		);
	});
	afterEach(() => store.close());

	it('GIVEN a post made on time THEN it counts once as made', async () => {
		const scheduler = new Scheduler({ deps, log: silentLogger, ownedGuilds: () => [GUILD], wake: manualWake });
		clock.set(at('2026-03-02T00:01:00Z'));
		await scheduler.start();
		await scheduler.tick();
		await scheduler.stop();
		expect(await postsCounted(deps)).toEqual({ made: 1 });
	});

	it('GIVEN the bot was down past the grace period THEN the post is not made and counts once as missed', async () => {
		const scheduler = new Scheduler({ deps, log: silentLogger, ownedGuilds: () => [GUILD], wake: manualWake });
		clock.set(at('2026-03-02T07:00:00Z')); // 7 h after the post time; the grace period is 6 h
		expect((await scheduler.start()).ran).toEqual([]);
		await scheduler.tick();
		await scheduler.stop();
		expect(await postsCounted(deps)).toEqual({ missed: 1 });
	});
});
