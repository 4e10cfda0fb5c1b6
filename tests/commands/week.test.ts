import {
	ComponentType,
	type APIStringSelectComponent,
	type APIButtonComponentWithCustomId,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import week from '../../commands/week.js';
import type { ComponentContext } from '../../src/core/context.js';
import type { Deps } from '../../src/core/deps.js';
import { fitReply, LIMITS } from '../../src/core/limits.js';
import { isModalReply, type Reply } from '../../src/core/reply.js';
import type { Curriculum } from '../../src/curriculum/index.js';
import type { Store } from '../../src/storage/store.js';
import { ManualClock, memoryStore, testCurriculum, testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { seoulSchedule } from '../jobs/fixtures.js';

const GUILD = '200000000000000001';

function components(reply: Reply) {
	const all = (reply.components ?? []).flatMap((row) => row.components);
	return {
		select: all.find((c) => c.type === ComponentType.StringSelect) as APIStringSelectComponent,
		buttons: all.filter((c) => c.type === ComponentType.Button) as APIButtonComponentWithCustomId[],
	};
}

async function click(deps: Deps, customId: string, values: string[] = []): Promise<Reply> {
	const [, handler, ...args] = customId.split(':');
	const ctx: ComponentContext = {
		interactionId: '2',
		user: { id: '100000000000000001', name: 'Mina', roles: [], permissions: 0n },
		guildId: GUILD,
		channelId: '300000000000000001',
		locale: 'en-US',
		guildLocale: null,
		deps,
		log: silentLogger,
		update: async () => {},
		customId,
		args,
		values,
		message: { id: '5', ephemeral: true },
	};
	const response = await week.components![handler!]!.run(ctx);
	if (isModalReply(response)) throw new Error('unexpected modal');
	return response;
}

function embedTotal(reply: Reply): number {
	return (reply.embeds ?? []).reduce(
		(sum, e) =>
			sum +
			(e.title?.length ?? 0) +
			(e.description?.length ?? 0) +
			(e.footer?.text.length ?? 0) +
			(e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
		0,
	);
}

describe('/week', () => {
	let store: Store;
	let curriculum: Curriculum;
	let deps: Deps;
	const clock = new ManualClock(new Date('2026-03-18T03:00:00Z')); // Wednesday of week 3 in the Seoul fixture

	beforeAll(async () => {
		store = await memoryStore();
		curriculum = await testCurriculum();
		deps = testDeps({ store, curriculum, clock });
	});
	afterAll(() => store.close());

	it('GIVEN no schedule THEN it shows week 1 privately and says how to choose another', async () => {
		const reply = await runForReply(week, {}, { deps });
		expect(reply.ephemeral).toBe(true);
		expect(reply.content).toMatch(/No schedule is running in this server, so here is week 1/);
		expect(reply.embeds?.[0]?.title).toBe('📖 Week 1 · LLM overview');
		expect(reply.embeds?.[0]?.fields?.[0]).toMatchObject({
			name: '🎯 Objectives',
			value: expect.stringContaining(curriculum.week(1)!.objectives[0]!),
		});
		const { select, buttons } = components(reply);
		expect(select.custom_id).toBe('week:section:1');
		expect(select.options.map((o) => [o.value, o.default])).toEqual([
			['overview', true],
			['knowledge', false],
			['demos', false],
			['questions', false],
		]);
		expect(buttons.map((b) => [b.label, b.disabled])).toEqual([
			['◀ Previous', true],
			['Week 2 ▶', false],
		]);
	});

	it('GIVEN a running schedule THEN without a number it shows the current week and the next meeting (on every page)', async () => {
		await deps.repos.schedules.update(GUILD, () => seoulSchedule());
		const reply = await runForReply(week, {}, { deps });
		expect(reply.embeds?.[0]?.title).toBe('📖 Week 3 · Prompt injection');
		// Week 3 is planned for Monday 16 March 09:00 KST; its meeting is Wednesday 18 March 21:00 KST.
		const meeting = `🗓️ Next meeting: <t:${Date.parse('2026-03-18T12:00:00Z') / 1000}:F> (<t:${Date.parse('2026-03-18T12:00:00Z') / 1000}:R>)`;
		expect(reply.content).toBe(`📍 This week's material\n${meeting}`);
		const next = await runForReply(week, { number: 4 }, { deps });
		expect(next.content).toBe(
			`⏭️ Coming next: posted <t:${Date.parse('2026-03-23T00:00:00Z') / 1000}:F> (<t:${Date.parse('2026-03-23T00:00:00Z') / 1000}:R>)\n${meeting}`,
		);
		const other = await runForReply(week, { number: 9 }, { deps });
		expect(other.content).toBe(meeting);
		await deps.repos.schedules.delete(GUILD);
	});

	it('GIVEN a plan that starts later THEN it shows the first week and says the course has not started', async () => {
		await deps.repos.schedules.update(GUILD, () =>
			seoulSchedule({ plan: { startWeek: 2, startAt: '2026-04-05T15:00:00.000Z', previous: null } }),
		);
		const reply = await runForReply(week, {}, { deps });
		expect(reply.embeds?.[0]?.title).toBe('📖 Week 2 · Comparing LLMs (GPT, Claude and others)');
		expect(reply.content).toMatch(/^The course has not started yet: week 2 comes first\.\n⏭️ Coming next/);
		await deps.repos.schedules.delete(GUILD);
	});

	it('GIVEN a week that does not exist THEN it says which weeks exist', async () => {
		await expect(runForReply(week, { number: 13 }, { deps })).rejects.toThrow(
			'There is no week 13: the curriculum has weeks 1 to 12.',
		);
	});

	it('GIVEN share:true THEN the page is public', async () => {
		expect((await runForReply(week, { number: 2, share: true }, { deps })).ephemeral).toBe(false);
	});

	it('GIVEN the section menu and the week buttons THEN they update the message with that section or week', async () => {
		const knowledge = await click(deps, 'week:section:5', ['knowledge']);
		expect(knowledge.update).toBe(true);
		expect(knowledge.embeds?.[0]?.title).toBe('🧠 Week 5 · Word embeddings and cosine similarity');
		expect(knowledge.embeds?.[0]?.fields?.map((f) => f.value)).toEqual(
			curriculum.week(5)!.knowledgePoints.map((kp) => kp.core),
		);
		const nextWeek = await click(deps, components(knowledge).buttons[1]!.custom_id);
		expect(nextWeek.embeds?.[0]?.title).toBe('🧠 Week 6 · Self-attention and similarity');
		const demos = await click(deps, 'week:section:1', ['demos']);
		expect(demos.embeds?.[0]?.fields?.[0]?.value).toBe(
			'```\n/sample prompt:To be, or not to be temperature:0.8 tokens:40 seed:42\n```' +
				curriculum.week(1)!.demos[0]!.try,
		);
		const last = await click(deps, 'week:go:12:questions:next');
		expect(components(last).buttons.map((b) => b.disabled)).toEqual([false, true]);
		expect(last.embeds?.[0]?.fields?.[0]?.value).toContain(`1. ${curriculum.week(12)!.keyQuestions[0]}`);
	});

	it('GIVEN every week and section THEN the page is within Discord’s limits as built (nothing needs cutting)', async () => {
		for (const w of curriculum.weeks) {
			for (const section of ['overview', 'knowledge', 'demos', 'questions']) {
				const reply = await click(deps, `week:section:${w.number}`, [section]);
				expect(fitReply(reply), `week ${w.number} ${section}`).toEqual(reply);
				expect(embedTotal(reply)).toBeLessThanOrEqual(LIMITS.embedTotal);
				for (const field of reply.embeds![0]!.fields ?? []) expect(field.value.length).toBeGreaterThan(0);
			}
		}
	});

	it('GIVEN typed text THEN autocomplete offers weeks by number or title', async () => {
		const auto = (value: string) =>
			week.autocomplete!({
				focused: { name: 'number', value },
				deps,
				user: { id: '1', name: 'M', roles: [], permissions: 0n },
				guildId: GUILD,
				locale: 'en-US',
				log: silentLogger,
				args: {},
				subcommand: null,
			});
		expect((await auto('5'))[0]).toEqual({ name: 'Week 5 · Word embeddings and cosine similarity', value: 5 });
		expect((await auto('attention')).map((c) => c.value)).toEqual(expect.arrayContaining([6, 7, 8]));
		expect(await auto('')).toHaveLength(12);
	});
});
