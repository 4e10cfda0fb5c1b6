import type { Question } from './question-schema.js';
import type { SessionFormat, Week } from './schema.js';

/** A question of the bank with the week it belongs to. */
export type BankQuestion = Question & { week: number };

/** The loaded, validated curriculum with the lookups commands need. */
export interface Curriculum {
	/** How each session runs: tiers, reflection, the five evaluation dimensions. */
	readonly format: SessionFormat;
	/** Weeks 1–12 in order; each week's `quiz` is its merged bank (built-in plus organizer questions). */
	readonly weeks: readonly Week[];
	/** Every question of the bank, week by week. */
	readonly questions: readonly BankQuestion[];
	/** The week with this number, or undefined. */
	week(n: number): Week | undefined;
	/** The bank's questions for a week (empty for an unknown week). */
	questionsFor(week: number): readonly BankQuestion[];
	/** The question with this id anywhere in the bank, or undefined. */
	question(id: string): BankQuestion | undefined;
	/**
	 * Weeks matching what a member has typed so far, best first, for autocomplete: a number (`5`, `week 5`, `w5`)
	 * matches by number; words match the title, Korean title, topic and knowledge points. Empty text lists all.
	 */
	search(text: string, limit?: number): Week[];
}

/** Discord shows at most 25 autocomplete choices. */
const DEFAULT_LIMIT = 25;

/** Builds the lookups over validated weeks (sorted by number, quizzes already merged). */
export function createCurriculum(format: SessionFormat, weeks: readonly Week[]): Curriculum {
	const byNumber = new Map(weeks.map((w) => [w.number, w]));
	const bank = new Map<number, BankQuestion[]>();
	const byId = new Map<string, BankQuestion>();
	for (const week of weeks) {
		const questions = week.quiz.map((q) => ({ ...q, week: week.number }));
		bank.set(week.number, questions);
		for (const q of questions) byId.set(q.id, q);
	}
	return {
		format,
		weeks,
		questions: [...bank.values()].flat(),
		week: (n) => byNumber.get(n),
		questionsFor: (n) => bank.get(n) ?? [],
		question: (id) => byId.get(id),
		search: (text, limit = DEFAULT_LIMIT) => searchWeeks(weeks, text).slice(0, limit),
	};
}

function searchWeeks(weeks: readonly Week[], text: string): Week[] {
	const query = text.trim().toLowerCase();
	if (query === '') return [...weeks];
	const numeric = /^(?:week|w)?\s*(\d{1,2})$/.exec(query);
	if (numeric) {
		const digits = numeric[1] as string;
		const exact = weeks.filter((w) => String(w.number) === digits);
		const prefix = weeks.filter((w) => String(w.number).startsWith(digits) && String(w.number) !== digits);
		return [...exact, ...prefix];
	}
	const words = query.split(/\s+/);
	const scored = weeks
		.map((week) => ({ week, score: score(week, query, words) }))
		.filter((s) => s.score > 0)
		.sort((a, b) => b.score - a.score || a.week.number - b.week.number);
	return scored.map((s) => s.week);
}

function score(week: Week, query: string, words: string[]): number {
	const title = week.title.toLowerCase();
	const others = [week.titleKo ?? '', week.topic].map((s) => s.toLowerCase());
	const points = week.knowledgePoints.map((kp) => kp.title.toLowerCase());
	const fields = [title, ...others, ...points].join('\n');
	// Every word must appear somewhere; the fields it appears in decide the rank.
	if (!words.every((word) => fields.includes(word))) return 0;
	if (title.startsWith(query)) return 4;
	if (title.includes(query)) return 3;
	if (others.some((s) => s.includes(query))) return 2;
	return 1;
}
