import type { BaseContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { Week } from '../../curriculum/schema.js';
import type { SessionEvaluation } from '../../storage/repositories/session-evaluations.js';
import type { TutorSession } from '../../storage/repositories/tutor-sessions.js';
import { chatJson } from '../json.js';
import { findLanguage, LANGUAGES, type Language } from '../language.js';
import { tierName } from '../prompts/context.js';
import { buildEvaluationPrompt, evaluationSchema, masteryFor } from '../prompts/evaluation.js';
import { buildFeedbackPrompt, buildTeachPrompt } from '../prompts/session.js';
import type { BuiltPrompt } from '../prompts/ask.js';
import { leakGuard, withheld } from '../safety.js';
import { remainingLine, spend } from '../service.js';
import { evaluationEmbed, sessionRows } from './session-view.js';
import { streamAnswer } from './stream-answer.js';

/** A session, its week and language, checked to belong to the member pressing the button. */
export interface SessionScope {
	session: TutorSession;
	week: Week;
	language: Language;
}

/** Loads a session for a component or modal; refuses other members, finished sessions and vanished weeks. */
export async function loadSession(
	ctx: BaseContext,
	id: string,
	options: { allowFinished?: boolean } = {},
): Promise<SessionScope> {
	const session = await ctx.deps.repos.tutorSessions.get(id);
	if (!session) throw new UserError('This session has expired. Start a new one with /session.', 'session.expired');
	if (session.userId !== ctx.user.id) {
		throw new UserError(
			`This is <@${session.userId}>’s session. Start your own with \`/session week:${session.week}\`.`,
			'session.not-yours',
		);
	}
	if (session.finishedAt && !options.allowFinished) {
		throw new UserError(
			'This session is finished and evaluated. Start a new one with /session to go again.',
			'session.finished',
		);
	}
	const week = ctx.deps.curriculum.week(session.week);
	if (!week)
		throw new UserError(
			'This session’s week is no longer in the curriculum. Start a new one with /session.',
			'session.expired',
		);
	return { session, week, language: findLanguage(session.language) ?? LANGUAGES[0]! };
}

async function streamStep(
	ctx: BaseContext,
	scope: SessionScope,
	prompt: BuiltPrompt,
	header: string,
	kp: number,
): Promise<Reply> {
	const { deps } = ctx;
	const ticket = await deps.llm.begin({ guildId: ctx.guildId, userId: ctx.user.id });
	const answer = await streamAnswer({
		update: ctx.update,
		log: ctx.log,
		ticket,
		messages: prompt.messages,
		guard: leakGuard({ instructions: prompt.instructions, canary: prompt.canary }),
		header,
		maxTokens: 700,
	});
	const text = answer.withheld ? withheld() : answer.text;
	const saved = await deps.repos.tutorSessions.update(scope.session.id, (s) => ({
		...s,
		current: kp,
		visited: s.visited.includes(kp) ? s.visited : [...s.visited, kp],
		turns: answer.withheld
			? s.turns
			: [...s.turns, { kp, role: 'tutor', text: answer.text, at: deps.clock.now().toISOString() }],
	}));
	const footer = [
		`Point ${kp + 1} of ${scope.week.knowledgePoints.length}`,
		tierName(deps.curriculum.format, saved.tier),
		remainingLine(ticket, deps.llm.dailyQuota),
	]
		.filter(Boolean)
		.join(' · ');
	return answer.view.final(text, {
		footer: `-# ${footer}`,
		components: sessionRows(saved, scope.week, deps.curriculum.format),
	});
}

/** Teaches knowledge point `kp` (streamed into a new message in the thread) and moves the session there. */
export async function teach(ctx: BaseContext, scope: SessionScope, kp: number): Promise<Reply> {
	const point = scope.week.knowledgePoints[kp];
	if (!point)
		throw new UserError(
			`Week ${scope.week.number} has ${scope.week.knowledgePoints.length} knowledge points.`,
			'session.kp',
		);
	const prompt = buildTeachPrompt({
		session: scope.session,
		week: scope.week,
		format: ctx.deps.curriculum.format,
		language: scope.language,
		kp,
	});
	const header = `**Knowledge point ${kp + 1}/${scope.week.knowledgePoints.length}: ${point.title}**\n`;
	return streamStep(ctx, scope, prompt, header, kp);
}

/** Records the member's answer on point `kp` and streams the tutor's feedback. */
export async function respondTo(ctx: BaseContext, scope: SessionScope, kp: number, reply: string): Promise<Reply> {
	const { deps } = ctx;
	if (!scope.week.knowledgePoints[kp])
		throw new UserError(
			'This form belongs to a knowledge point that no longer exists. Pick one from the menu.',
			'session.kp',
		);
	// The member's words are saved first: they count for the evaluation even if the model then fails.
	const session = await deps.repos.tutorSessions.update(scope.session.id, (s) => ({
		...s,
		current: kp,
		visited: s.visited.includes(kp) ? s.visited : [...s.visited, kp],
		turns: [...s.turns, { kp, role: 'member', text: reply, at: deps.clock.now().toISOString() }],
	}));
	const prompt = buildFeedbackPrompt({
		session: { ...session, turns: session.turns.slice(0, -1) },
		week: scope.week,
		format: deps.curriculum.format,
		language: scope.language,
		kp,
		reply,
	});
	const quoted = reply.length > 300 ? `${reply.slice(0, 300)}…` : reply;
	const header = `**${ctx.user.name}** (point ${kp + 1}):\n${quoted
		.split('\n')
		.map((l) => `> ${l}`)
		.join('\n')}\n`;
	return streamStep(ctx, { ...scope, session }, prompt, header, kp);
}

/**
 * Ends the session with the course's five-dimension evaluation: asks the model for scores and evidence (JSON,
 * validated), computes the total and mastery band, records it in the member's progress, and shows it.
 */
export async function finish(ctx: BaseContext, scope: SessionScope): Promise<Reply> {
	const { deps } = ctx;
	const { session, week, language } = scope;
	const format = deps.curriculum.format;
	const answered = [...new Set(session.turns.filter((t) => t.role === 'member').map((t) => t.kp))].sort(
		(a, b) => a - b,
	);
	if (answered.length === 0) {
		throw new UserError(
			'Answer at least one knowledge point’s question (✍️ Answer or ask) before finishing: the evaluation is about what you wrote.',
			'session.nothing',
		);
	}
	const ticket = await deps.llm.begin({ guildId: ctx.guildId, userId: ctx.user.id });
	await ctx.update({ content: '🏁 Evaluating your session…' });
	const result = await spend(ticket, (client) =>
		chatJson(client, buildEvaluationPrompt(session, week, format, language), evaluationSchema, { maxTokens: 1500 }),
	);
	if (!result.ok) {
		await ticket.refund();
		throw new UserError(
			'The evaluation came back unreadable, so nothing was recorded. Press 🏁 Finish again.',
			'session.evaluation-malformed',
		);
	}
	const round = (x: number) => Math.round(x * 10) / 10;
	const dimensions = Object.fromEntries(
		format.dimensions.map((d) => [
			d.id,
			{ score: round(result.value.dimensions[d.id].score), evidence: result.value.dimensions[d.id].evidence },
		]),
	) as SessionEvaluation['dimensions'];
	const total = round(Object.values(dimensions).reduce((sum, d) => sum + d.score, 0));
	const now = deps.clock.now().toISOString();
	const evaluation = await deps.repos.sessionEvaluations.record({
		sessionId: session.id,
		guildId: session.guildId,
		userId: session.userId,
		week: week.number,
		tier: session.tier,
		language: language.code,
		startedAt: session.startedAt,
		finishedAt: now,
		knowledgePoints: {
			total: week.knowledgePoints.length,
			visited: session.visited.map((i) => week.knowledgePoints[i]!.id),
			answered: answered.map((i) => week.knowledgePoints[i]!.id),
		},
		dimensions,
		total,
		mastery: masteryFor(format, total),
		strengths: result.value.strengths,
		improvements: result.value.improvements,
		nextSteps: result.value.nextSteps,
		model: deps.llm.model,
	});
	await deps.repos.tutorSessions.update(session.id, (s) => ({ ...s, finishedAt: now }));
	return {
		content: `🏁 <@${session.userId}> finished week ${week.number}.`,
		allowedUserMentions: [],
		embeds: [evaluationEmbed(evaluation, week, format, ctx.user.name)],
	};
}
