import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Deps } from '../../src/core/deps.js';
import type { Reply } from '../../src/core/reply.js';
import type { Week } from '../../src/curriculum/index.js';
import { demoCommandLine } from '../../src/jobs/weekly-post.js';
import type { Store } from '../../src/storage/store.js';
import { memoryStore, testCurriculum, testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

/** Demos that need the AI tutor (an OpenAI-compatible key); without one they must refuse politely, not count. */
const NEEDS_LLM = new Set(['ask', 'inject']);

/**
 * Every demo every week names, run through the real command with inline compute and no OpenAI key: the ones that
 * do not need the tutor must answer without an error, and every week must have at least one of those.
 */
describe('every week’s demos run', async () => {
	const curriculum = await testCurriculum();
	let store: Store;
	let deps: Deps;
	beforeAll(async () => {
		store = await memoryStore();
		deps = testDeps({ store, curriculum });
	});
	afterAll(() => store.close());

	const working = new Map<number, string[]>();
	const cases = curriculum.weeks.flatMap((week: Week) =>
		week.demos.map((demo) => [week.number, demoCommandLine(demo), demo] as const),
	);

	it.each(cases)(
		'GIVEN week %i THEN %s answers without an error',
		async (week, _line, demo) => {
			const command = commands.find((c) => c.data.name === demo.command);
			expect(command, `/${demo.command} is registered`).toBeDefined();
			const run = () => runForReply(command!, demo.options, { deps, subcommand: demo.subcommand, permissions: 0n });
			if (NEEDS_LLM.has(demo.command)) {
				await expect(run()).rejects.toMatchObject({ name: 'UserError' });
				return;
			}
			const reply: Reply = await run();
			expect(reply.content?.startsWith('❌') ?? false).toBe(false);
			expect((reply.embeds?.length ?? 0) + (reply.content ? 1 : 0)).toBeGreaterThan(0);
			working.set(week, [...(working.get(week) ?? []), demoCommandLine(demo)]);
		},
		120_000,
	);

	it('GIVEN all the runs THEN every week has at least one demo that works without a key', () => {
		for (const week of curriculum.weeks) expect(working.get(week.number) ?? [], `week ${week.number}`).not.toEqual([]);
	});
});
