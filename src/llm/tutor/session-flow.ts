import type { BaseContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { SessionFormat, Week } from '../../curriculum/schema.js';
import { t } from '../../i18n/index.js';
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
import { tutorCurriculum } from './ask-flow.js';
import { evaluationEmbed, sessionRows } from './session-view.js';
import { streamAnswer } from './stream-answer.js';

/** A session, its week and language, checked to belong to the member pressing the button. */
export interface SessionScope {
	session: TutorSession;
	week: Week;
	language: Language;
	/** The session format in the session's language (tier and dimension names). */
	format: SessionFormat;
}

/** Loads a session for a component or modal; refuses other members, finished sessions and vanished weeks. */
export async function loadSession(
	ctx: BaseContext,
	id: string,
	options: { allowFinished?: boolean } = {},
): Promise<SessionScope> {
	const session = await ctx.deps.repos.tutorSessions.get(id);
	if (!session) throw new UserError(t('session.errors.expired'), 'session.expired');
	if (session.userId !== ctx.user.id) {
		throw new UserError(
			t('session.errors.notYours', { owner: `<@${session.userId}>`, week: session.week }),
			'session.not-yours',
		);
	}
	if (session.finishedAt && !options.allowFinished) {
		throw new UserError(t('session.errors.finished'), 'session.finished');
	}
	const language = findLanguage(session.language) ?? LANGUAGES[0]!;
	const pages = tutorCurriculum(ctx.deps.curriculum, language);
	const week = pages.week(session.week);
	if (!week) throw new UserError(t('session.errors.weekGone'), 'session.expired');
	return { session, week, language, format: pages.format };
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
		t('session.step.point', { point: kp + 1, total: scope.week.knowledgePoints.length }),
		tierName(scope.format, saved.tier),
		remainingLine(ticket, deps.llm.dailyQuota),
	]
		.filter(Boolean)
		.join(' · ');
	return answer.view.final(text, {
		footer: `-# ${footer}`,
		components: sessionRows(saved, scope.week, scope.format),
	});
}

/** Teaches knowledge point `kp` (streamed into a new message in the thread) and moves the session there. */
export async function teach(ctx: BaseContext, scope: SessionScope, kp: number): Promise<Reply> {
	const point = scope.week.knowledgePoints[kp];
	if (!point)
		throw new UserError(
			t('session.errors.kpCount', { week: scope.week.number, count: scope.week.knowledgePoints.length }),
			'session.kp',
		);
	const prompt = buildTeachPrompt({
		session: scope.session,
		week: scope.week,
		format: scope.format,
		language: scope.language,
		kp,
	});
	const header = `${t('session.step.header', { point: kp + 1, total: scope.week.knowledgePoints.length, title: point.title })}\n`;
	return streamStep(ctx, scope, prompt, header, kp);
}

/** Records the member's answer on point `kp` and streams the tutor's feedback. */
export async function respondTo(ctx: BaseContext, scope: SessionScope, kp: number, reply: string): Promise<Reply> {
	const { deps } = ctx;
	if (!scope.week.knowledgePoints[kp]) throw new UserError(t('session.errors.formGone'), 'session.kp');
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
		format: scope.format,
		language: scope.language,
		kp,
		reply,
	});
	const quoted = reply.length > 300 ? `${reply.slice(0, 300)}…` : reply;
	const header = `${t('session.step.memberHeader', { who: ctx.user.name, point: kp + 1 })}\n${quoted
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
	const { session, week, language, format } = scope;
	const answered = [...new Set(session.turns.filter((t) => t.role === 'member').map((t) => t.kp))].sort(
		(a, b) => a - b,
	);
	if (answered.length === 0) {
		throw new UserError(t('session.errors.nothing'), 'session.nothing');
	}
	const ticket = await deps.llm.begin({ guildId: ctx.guildId, userId: ctx.user.id });
	await ctx.update({ content: t('session.step.evaluating') });
	const result = await spend(ticket, (client) =>
		chatJson(client, buildEvaluationPrompt(session, week, format, language), evaluationSchema, { maxTokens: 1500 }),
	);
	if (!result.ok) {
		await ticket.refund();
		throw new UserError(t('session.errors.malformed'), 'session.evaluation-malformed');
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
		content: t('session.step.finished', { member: `<@${session.userId}>`, week: week.number }),
		allowedUserMentions: [],
		embeds: [evaluationEmbed(evaluation, week, format, ctx.user.name)],
	};
}
