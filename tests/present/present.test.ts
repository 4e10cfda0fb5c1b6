import { ComponentType, type APIStringSelectComponent } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { NOT_A_PRESENTER } from '../../src/present/flow.js';
import { planSteps } from '../../src/present/steps.js';
import { stepEmbed } from '../../src/present/view.js';
import { createCurriculum } from '../../src/curriculum/index.js';
import { CHANNEL, customIds, demoHarness, GUILD, type DemoHarness } from './harness.js';

const nextId = (reply: Reply | undefined): string =>
	customIds(reply).find(
		(id) =>
			id.startsWith('present:go:') &&
			reply!.components![0]!.components[1]!.type === ComponentType.Button &&
			(reply!.components![0]!.components[1] as { custom_id: string }).custom_id === id,
	)!;
const nav = (reply: Reply | undefined) =>
	reply!.components![0]!.components as { custom_id: string; disabled?: boolean; label: string }[];

describe('/present: a week’s session step by step', () => {
	let h: DemoHarness;
	let sessionId: string;
	let stepMessage: { id: string; ephemeral: boolean };
	beforeAll(async () => {
		h = await demoHarness();
	});
	afterAll(() => h.close());

	it('GIVEN a plain member THEN /present is refused; a presenter gets a thread with the first step', async () => {
		const refused = await h.command('present', { week: 9 }, 'linus');
		expect(refused.final).toEqual({
			content: expect.stringMatching(
				/^❌ Only presenters can present a session: ask an organizer \(a member with Manage Server\) for the <@&\d+> role/,
			),
			ephemeral: true,
		});
		const started = await h.command('present', { week: 9 }, 'grace');
		const week = h.deps.curriculum.week(9)!;
		const steps = planSteps(week);
		const [starter, first] = h.poster.sent;
		expect(starter!.channelId).toBe(CHANNEL);
		expect(first!.channelId).not.toBe(CHANNEL);
		expect(started.final).toEqual({
			content: `Week 9's session is ready in <#${first!.channelId}>: ${steps.length} steps. Press **Next** there to begin.`,
			ephemeral: true,
		});
		expect(first!.reply.embeds![0]!.title).toBe(`🎤 Week 9 · ${week.title}`);
		expect(nav(first!.reply).map((b) => [b.label, b.disabled ?? false])).toEqual([
			['Back', true],
			['Next', false],
		]);
		sessionId = nav(first!.reply)[1]!.custom_id.split(':')[2]!;
		expect(await h.deps.repos.presentations.get(GUILD, sessionId)).toMatchObject({
			week: 9,
			step: 0,
			tier: 'core',
			channelId: first!.channelId,
			messageId: first!.id,
		});
		stepMessage = { id: first!.id, ephemeral: false };
	});

	it('GIVEN a bot without the AI tutor THEN week 3’s wrap-up does not suggest /inject or /ask; GIVEN the tutor THEN it does', () => {
		const week = h.deps.curriculum.week(3)!;
		const steps = planSteps(week);
		const wrap = steps.length - 1;
		const tryField = (tutor: boolean) =>
			stepEmbed(week, steps, wrap, { tier: 'core' }, h.deps.curriculum.format, tutor).fields!.find((f) =>
				f.name.includes('Try on your own'),
			)!.value;
		expect(week.demos.some((d) => d.command === 'inject')).toBe(true);
		expect(tryField(false)).not.toMatch(/\/(inject|ask|session)\b/);
		expect(tryField(false)).toContain('/tokenize');
		expect(tryField(true)).toContain('/inject');
	});

	it('GIVEN the plan THEN every knowledge point is a step, the live demos are spread over them in order, and /quiz is left for the wrap-up', () => {
		const week = h.deps.curriculum.week(9)!;
		const steps = planSteps(week);
		expect(steps[0]).toEqual({ kind: 'intro' });
		expect(steps.at(-1)).toEqual({ kind: 'wrap' });
		const points = steps.filter((s) => s.kind === 'point');
		expect(new Set(points.map((s) => s.kind === 'point' && s.point))).toEqual(
			new Set(week.knowledgePoints.map((_, i) => i)),
		);
		const demos = points.flatMap((s) => (s.kind === 'point' && s.demo !== null ? [s.demo] : []));
		expect(demos).toEqual(week.demos.flatMap((d, i) => (d.command === 'quiz' ? [] : [i])));
		// Three demos over six points: ⌊j·6/3⌋ = points 0, 2 and 4.
		expect(
			points.filter((s) => s.kind === 'point' && s.demo !== null).map((s) => s.kind === 'point' && s.point),
		).toEqual([0, 2, 4]);
	});

	it('GIVEN a plain member presses Next THEN they are told politely and privately, and the session does not move', async () => {
		const first = h.poster.sent[1]!.reply;
		const click = await h.button(nextId(first), 'linus', stepMessage);
		expect(click.responder.names).toEqual(['deferUpdate', 'followUp']);
		expect(click.final).toEqual({ content: NOT_A_PRESENTER, ephemeral: true });
		expect((await h.deps.repos.presentations.get(GUILD, sessionId))!.step).toBe(0);
	});

	it('GIVEN a presenter presses Next to the end THEN each step updates the message in place, demo steps carry the demo’s chart and its 🔁 button, and Next is disabled at the wrap-up', async () => {
		const week = h.deps.curriculum.week(9)!;
		const steps = planSteps(week);
		let current = h.poster.sent[1]!.reply;
		for (let i = 1; i < steps.length; i++) {
			const click = await h.button(nextId(current), i % 2 === 0 ? 'ada' : 'grace', stepMessage);
			expect(click.responder.names).toEqual(['deferUpdate', 'editOriginal']);
			current = click.final!;
			expect(current.update).toBe(true);
			const step = steps[i]!;
			const embed = current.embeds![0]!;
			if (step.kind === 'point') {
				const kp = week.knowledgePoints[step.point]!;
				expect(embed.description).toBe(kp.core);
				if (step.demo !== null) {
					const demo = week.demos[step.demo]!;
					expect(embed.fields![0]!.name).toBe('🧪 Live demo');
					expect(current.files!.length).toBeGreaterThan(0);
					expect(current.embeds!.length).toBeGreaterThan(1);
					expect(customIds(current).some((id) => id.startsWith('present:sr:'))).toBe(true);
					expect(embed.fields![0]!.value).toContain(`/${demo.command}`);
				} else expect(current.files ?? []).toEqual([]);
			}
			expect(embed.footer!.text).toContain(`step ${i + 1} of ${steps.length}`);
			expect((await h.deps.repos.presentations.get(GUILD, sessionId))!.step).toBe(i);
		}
		expect(current.embeds![0]!.title).toBe(`🏁 Wrap-up · Week 9 · ${week.title}`);
		expect(nav(current).map((b) => b.disabled ?? false)).toEqual([false, true]);
	}, 120_000);

	it('GIVEN the tier menu THEN the explanations switch to the implementation tier and Back shows the previous point in it', async () => {
		const week = h.deps.curriculum.week(9)!;
		const steps = planSteps(week);
		const last = steps.length - 1;
		const back = await h.button(`present:go:${sessionId}:${last - 1}`, 'grace', stepMessage);
		const select = back.final!.components![1]!.components[0] as APIStringSelectComponent;
		expect(select.options.map((o) => [o.value, o.default])).toEqual([
			['core', true],
			['implementation', false],
			['theory', false],
		]);
		const switched = await h.select(select.custom_id, ['implementation'], 'grace', stepMessage);
		const step = steps[last - 1]!;
		expect(step.kind).toBe('point');
		expect(switched.final!.embeds![0]!.description).toBe(
			week.knowledgePoints[step.kind === 'point' ? step.point : 0]!.implementation,
		);
		expect(await h.deps.repos.presentations.get(GUILD, sessionId)).toMatchObject({
			tier: 'implementation',
			step: last - 1,
		});
		const refused = await h.select(select.custom_id, ['theory'], 'linus', stepMessage);
		expect(refused.final).toEqual({ content: NOT_A_PRESENTER, ephemeral: true });
	});

	it('GIVEN the bot restarted THEN the buttons work from storage alone; an unknown session says it has ended', async () => {
		const restarted = await demoHarness({ store: h.store });
		const click = await restarted.button(`present:go:${sessionId}:1`, 'ada', stepMessage);
		expect(click.final!.embeds![0]!.title).toMatch(/^1\/6 · /);
		expect(click.final!.embeds![0]!.description).toBe(h.deps.curriculum.week(9)!.knowledgePoints[0]!.implementation);
		const gone = await restarted.button('present:go:AAAAAAAA:1', 'ada', stepMessage);
		expect(gone.final).toEqual({
			content:
				'❌ This session has ended (it is older than 90 days, or the data was reset). Start a new one with /present.',
			ephemeral: true,
		});
		const forged = await restarted.button(`present:go:${sessionId}:x`, 'ada', stepMessage);
		expect(forged.final!.content).toBe('❌ This button is no longer supported. Run /present again.');
	});

	it('GIVEN week 3, whose one live demo needs no AI tutor THEN it comes with the first point, and the session starts at the tier asked for', async () => {
		const week = h.deps.curriculum.week(3)!;
		expect(planSteps(week).filter((s) => s.kind === 'point' && s.demo !== null)).toEqual([
			{ kind: 'point', point: 0, demo: 0, continued: false },
		]);
		const started = await h.command('present', { week: 3, tier: 'theory' }, 'ada');
		expect(started.final!.content).toMatch(/^Week 3's session is ready in <#\d+>: 6 steps\./);
		const first = h.poster.sent.at(-1)!.reply;
		const next = await h.button(nextId(first), 'ada', stepMessage);
		expect(next.final!.embeds![0]!.description).toBe(week.knowledgePoints[0]!.theory);
		expect(next.final!.embeds![1]!.title).toBe('Tokens: gpt-4o (o200k_base)');
	});

	it('GIVEN a demo the bot cannot run THEN the step says why in its place, with the command line, and the session goes on', async () => {
		const base = h.deps.curriculum;
		const week9 = base.week(9)!;
		const broken = {
			...week9,
			demos: week9.demos.map((d, i) =>
				i === 0
					? { ...d, options: { text: 'word '.repeat(200) } }
					: i === 1
						? { ...d, command: 'attention' as const, options: { text: 'hi', layer: 9 } }
						: d,
			),
		};
		const curriculum = createCurriculum(
			base.format,
			base.weeks.map((w) => (w.number === 9 ? broken : w)),
		);
		const other = await demoHarness({ store: h.store, curriculum });
		await other.command('present', { week: 9 }, 'ada');
		const first = other.poster.sent.at(-1)!.reply;
		const step1 = await other.button(nextId(first), 'ada', stepMessage);
		const note = step1.final!.embeds![0]!.fields!.at(-1)!;
		expect(note.name).toBe('⚠️ The demo did not run');
		expect(note.value).toMatch(/^Your text is \d+ tokens long for our model's tokenizer/);
		expect(note.value).toContain('The demo: `/ffn text:word word');
		expect(step1.final!.files ?? []).toEqual([]);
		const step3 = await other.button(
			`present:go:${nav(step1.final)[1]!.custom_id.split(':')[2]}:3`,
			'ada',
			stepMessage,
		);
		expect(step3.final!.embeds![0]!.fields!.at(-1)!.value).toBe(
			'This model has 4 layers: pick `layer` 1–4 (1 is the layer nearest the input).\nThe demo: `/attention text:hi layer:9`',
		);
		expect(nav(step3.final).map((b) => b.disabled ?? false)).toEqual([false, false]);
	});
});
