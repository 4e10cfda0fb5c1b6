import type { Language } from '../i18n/language.js';
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
	/**
	 * The same curriculum in `language`: each week's page and questions from its translation where one exists for the
	 * page in use (an organizer's English-only replacement of a week stays English), English otherwise. Question ids,
	 * week numbers and answers are the same in every language, so progress is shared.
	 */
	in(language: Language): Curriculum;
}

/** A translation's pages, and which directory each week's page came from. */
export interface Translation {
	format: SessionFormat | undefined;
	weeks: readonly Week[];
	sources: ReadonlyMap<number, number>;
}

/** Discord shows at most 25 autocomplete choices. */
const DEFAULT_LIMIT = 25;

/** Builds the lookups over validated weeks (sorted by number, quizzes already merged). */
export function createCurriculum(
	format: SessionFormat,
	weeks: readonly Week[],
	translations: Partial<Record<Exclude<Language, 'en'>, Translation>> = {},
	sources?: ReadonlyMap<number, number>,
): Curriculum {
	const views = new Map<Language, Curriculum>();
	const inLanguage = (language: Language): Curriculum => views.get(language) ?? english;
	const english = createView(format, weeks, inLanguage);
	views.set('en', english);
	for (const [language, translation] of Object.entries(translations) as [Exclude<Language, 'en'>, Translation][]) {
		const translated = weeks.map((week) => translateWeek(week, translation, sources));
		views.set(
			language,
			createView(translation.format ?? format, translated, (l) => views.get(l) ?? english),
		);
	}
	return english;
}

/** A week's page in a translation, with each question translated where the translation has it. */
function translateWeek(week: Week, translation: Translation, sources?: ReadonlyMap<number, number>): Week {
	const page = translation.weeks.find((w) => w.number === week.number);
	if (!page || (sources && translation.sources.get(week.number) !== sources.get(week.number))) return week;
	const questions = new Map(translation.weeks.flatMap((w) => w.quiz).map((q) => [q.id, q]));
	return { ...page, quiz: week.quiz.map((q) => questions.get(q.id) ?? q) };
}

function createView(
	format: SessionFormat,
	weeks: readonly Week[],
	inLanguage: (language: Language) => Curriculum,
): Curriculum {
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
		in: (language) => inLanguage(language),
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
