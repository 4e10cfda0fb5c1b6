import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Actor } from '../../src/core/actor.js';
import { recordAnswer } from '../../src/quiz/record.js';
import { createRng } from '../../src/models/sampling/prng.js';
import type { SessionEvaluation } from '../../src/storage/repositories/session-evaluations.js';
import type { QuizHarness } from './harness.js';
import { GUILD } from './harness.js';

/** A small study group with a deterministic history: members, their skill, and the weeks they have reached. */
export const GROUP = [
	{ id: '120000000000000001', name: '서연', skill: 0.92, weeks: 8 },
	{ id: '120000000000000002', name: '지민', skill: 0.8, weeks: 7 },
	{ id: '120000000000000003', name: 'Alex', skill: 0.7, weeks: 8 },
	{ id: '120000000000000004', name: '민준', skill: 0.6, weeks: 5 },
	{ id: '120000000000000005', name: 'Priya', skill: 0.75, weeks: 6 },
	{ id: '120000000000000006', name: 'Tomás', skill: 0.5, weeks: 4 },
	{ id: '120000000000000007', name: 'Ada (organizer)', skill: 0.95, weeks: 8, organizer: true },
] as const;

export function actorOf(m: (typeof GROUP)[number]): Actor {
	return {
		id: m.id,
		name: m.name,
		roles: [],
		permissions: 'organizer' in m && m.organizer ? PermissionFlagsBits.ManageGuild : 0n,
	};
}

/**
 * Fills the store with eight weeks of the group: practice answers (right with each member's skill, from a seeded
 * generator), a check-in per meeting attended, demo runs and one tutor evaluation each. Times are spread over the
 * eight weeks before the harness clock.
 */
export async function seedGroup(h: QuizHarness): Promise<void> {
	const rng = createRng(2026);
	const end = h.clock.now().getTime();
	const WEEK = 7 * 86_400_000;
	for (const m of GROUP) {
		const actor = actorOf(m);
		for (let week = 1; week <= m.weeks; week++) {
			const at = new Date(end - (8 - week) * WEEK - 3 * 3_600_000);
			for (const q of h.deps.curriculum.questionsFor(week)) {
				if (rng.next() > 0.85) continue;
				const correct = rng.next() < m.skill;
				await recordAnswer(h.deps, actor, {
					id: `seed:${m.id}:${q.id}`,
					guildId: GUILD,
					userId: m.id,
					questionId: q.id,
					week,
					kind: q.kind,
					tier: q.tier,
					mode: 'practice',
					correct,
					credit: correct ? 1 : 0,
					points: 0,
					grading: 'auto',
					at: at.toISOString(),
				});
			}
			if (rng.next() < 0.85) {
				await h.deps.repos.checkIns.checkIn({
					guildId: GUILD,
					userId: m.id,
					meetingId: new Date(end - (8 - week) * WEEK).toISOString().slice(0, 10),
					week,
					meetingStartsAt: new Date(end - (8 - week) * WEEK).toISOString(),
					at: at.toISOString(),
				});
			}
			const demos = ['tokenize', 'similarity', 'sample', 'attention'];
			for (let k = 0; k < 1 + Math.floor(rng.next() * 3); k++)
				await h.deps.repos.memberActivity.recordDemo(GUILD, actor, demos[Math.floor(rng.next() * demos.length)]!, at);
		}
		const week = Math.min(3, m.weeks);
		const scores = [3, 4, 3, 4, 3].map((s) => Math.min(5, s + (m.skill > 0.8 ? 1 : 0)));
		const dims = h.deps.curriculum.format.dimensions.map((d) => d.id);
		const total = scores.reduce((a, b) => a + b, 0);
		const evaluation: Omit<SessionEvaluation, 'id'> = {
			sessionId: `s-${m.id}`,
			guildId: GUILD,
			userId: m.id,
			week,
			tier: 'core',
			language: 'en',
			startedAt: new Date(end - 2 * WEEK).toISOString(),
			finishedAt: new Date(end - 2 * WEEK + 3_600_000).toISOString(),
			knowledgePoints: { total: 4, visited: [], answered: [] },
			dimensions: Object.fromEntries(
				dims.map((d, i) => [d, { score: scores[i] ?? 3, evidence: 'example' }]),
			) as SessionEvaluation['dimensions'],
			total,
			mastery: h.deps.curriculum.format.mastery.find((band) => band.min <= total && total <= band.max)!.label,
			strengths: [],
			improvements: ['Connect attention weights back to the softmax you computed in week 1.'],
			nextSteps: [],
			model: 'example',
		};
		await h.deps.repos.sessionEvaluations.record(evaluation);
	}
}
