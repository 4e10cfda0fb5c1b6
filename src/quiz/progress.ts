import type { Curriculum } from '../curriculum/index.js';
import { t } from '../i18n/index.js';
import type { MeetingRecord } from '../storage/repositories/checkins.js';
import type { MemberActivity } from '../storage/repositories/member-activity.js';
import type { AnswerRecord } from '../storage/repositories/quiz-answers.js';
import type { ReviewCard } from '../storage/repositories/quiz-reviews.js';
import type { SessionEvaluation } from '../storage/repositories/session-evaluations.js';
import { weeklyStreak } from './calendar.js';
import { dueCards, nextDue, scheduledCards } from './leitner.js';

/** A week counts as completed once its quiz mastery reaches this. */
export const COMPLETED_MASTERY = 0.8;

/** How well a member knows one week's topic, from their quiz answers. */
export interface TopicMastery {
	week: number;
	title: string;
	/** Questions in the week's bank. */
	bank: number;
	/** Distinct questions of the bank the member has answered. */
	answered: number;
	answers: number;
	correct: number;
	/** correct / answers over every attempt; null without answers. */
	accuracy: number | null;
	/**
	 * The mean, over every question of the week's bank, of the credit of the member's latest answer to it
	 * (unanswered questions count 0): 1 means every question's last answer was right.
	 */
	mastery: number;
	completed: boolean;
}

/** Per-week mastery from a member's answers (see {@link TopicMastery}). */
export function topicMastery(
	answers: readonly AnswerRecord[],
	curriculum: Pick<Curriculum, 'weeks' | 'questionsFor'>,
): TopicMastery[] {
	const latest = new Map<string, number>();
	for (const a of answers) latest.set(a.questionId, a.credit);
	return curriculum.weeks.map((week) => {
		const bank = curriculum.questionsFor(week.number);
		const mine = answers.filter((a) => a.week === week.number);
		const correct = mine.filter((a) => a.correct).length;
		const answered = bank.filter((q) => latest.has(q.id)).length;
		const mastery = bank.length > 0 ? bank.reduce((sum, q) => sum + (latest.get(q.id) ?? 0), 0) / bank.length : 0;
		return {
			week: week.number,
			title: week.title,
			bank: bank.length,
			answered,
			answers: mine.length,
			correct,
			accuracy: mine.length > 0 ? correct / mine.length : null,
			mastery,
			completed: mastery >= COMPLETED_MASTERY - 1e-12,
		};
	});
}

/** Everything /progress shows for one member. */
export interface ProgressSummary {
	userId: string;
	name: string;
	/** Meetings anyone checked in to, and those this member checked in to. */
	meetingsHeld: number;
	attended: number;
	/** Curriculum weeks of the meetings attended, where the schedule knew them. */
	attendedWeeks: number[];
	topics: TopicMastery[];
	completedWeeks: number[];
	answers: number;
	correct: number;
	accuracy: number | null;
	/** Every live point ever earned. */
	livePoints: number;
	demos: Record<string, number>;
	demoRuns: number;
	streakWeeks: number;
	/** Tutor session evaluations, newest first. */
	evaluations: SessionEvaluation[];
	review: { due: number; scheduled: number; nextDueAt: Date | null };
	/** What to do next, most useful first (at most three). */
	suggestions: string[];
}

export interface ProgressInput {
	userId: string;
	name: string;
	answers: readonly AnswerRecord[];
	activity: MemberActivity | undefined;
	meetings: readonly MeetingRecord[];
	evaluations: readonly SessionEvaluation[];
	cards: Readonly<Record<string, ReviewCard>>;
	curriculum: Pick<Curriculum, 'weeks' | 'questionsFor'>;
	now: Date;
	timeZone: string;
	/** The week the schedule posted last, if the server has one. */
	currentWeek: number | null;
}

/** Builds a member's progress from their records (pure: every number here is checkable from the input). */
export function summarizeProgress(input: ProgressInput): ProgressSummary {
	const { answers, meetings, evaluations, now } = input;
	const attendedMeetings = meetings.filter((m) => m.attendeeIds.includes(input.userId));
	const topics = topicMastery(answers, input.curriculum);
	const correct = answers.filter((a) => a.correct).length;
	const demos = input.activity?.demos ?? {};
	const activity = [
		...answers.map((a) => new Date(a.at)),
		...attendedMeetings.map((m) => new Date(m.startsAt)),
		...(input.activity?.demoTimes ?? []).map((t) => new Date(t)),
		...evaluations.map((e) => new Date(e.finishedAt)),
	];
	const due = dueCards(input.cards, now);
	const review = {
		due: due.length,
		scheduled: scheduledCards(input.cards).length,
		nextDueAt: nextDue(input.cards, now),
	};
	return {
		userId: input.userId,
		name: input.name,
		meetingsHeld: meetings.length,
		attended: attendedMeetings.length,
		attendedWeeks: [...new Set(attendedMeetings.map((m) => m.week).filter((w): w is number => w !== null))].sort(
			(a, b) => a - b,
		),
		topics,
		completedWeeks: topics.filter((t) => t.completed).map((t) => t.week),
		answers: answers.length,
		correct,
		accuracy: answers.length > 0 ? correct / answers.length : null,
		livePoints: answers.reduce((sum, a) => sum + (a.mode === 'live' ? a.points : 0), 0),
		demos,
		demoRuns: Object.values(demos).reduce((a, b) => a + b, 0),
		streakWeeks: weeklyStreak(activity, now, input.timeZone),
		evaluations: [...evaluations],
		review,
		suggestions: suggestions(topics, review.due, evaluations, input.currentWeek),
	};
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * What to review next: due review questions first (spacing works only if they are done when due), then the weakest
 * week already started, then the next week not started (up to the schedule's current week), then the latest
 * tutor evaluation's first improvement.
 */
function suggestions(
	topics: readonly TopicMastery[],
	due: number,
	evaluations: readonly SessionEvaluation[],
	currentWeek: number | null,
): string[] {
	const out: string[] = [];
	if (due > 0) out.push(t('progress.suggestions.due', { questions: t('progress.counts.questions', { count: due }) }));
	const weakest = topics
		.filter((t) => t.answered > 0 && !t.completed)
		.sort((a, b) => a.mastery - b.mastery || a.week - b.week)[0];
	if (weakest)
		out.push(
			t('progress.suggestions.weakest', {
				week: weakest.week,
				title: weakest.title,
				mastery: percent(weakest.mastery),
			}),
		);
	const fresh = topics.find((t) => t.answered === 0 && (currentWeek === null || t.week <= currentWeek));
	if (fresh) out.push(t('progress.suggestions.fresh', { week: fresh.week, title: fresh.title }));
	const improvement = evaluations[0]?.improvements[0];
	if (improvement) out.push(t('progress.suggestions.tutor', { improvement }));
	return out.slice(0, 3);
}
