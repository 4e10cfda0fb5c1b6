import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinCurriculumDir, loadCurriculum, sessionFormatSchema, weekSchema } from '../../src/curriculum/index.js';

/**
 * The Korean curriculum (curriculum/ko/) against the English one: the same structure and the same non-prose values
 * (ids, answers, computations, demo inputs, sources), Korean prose in every text field, and the glossary's terms.
 */
const root = builtinCurriculumDir();
const read = (path: string): unknown => parse(readFileSync(join(root, path), 'utf8'));

/** Keys whose values are data, not prose: identical in every language. */
const SAME = new Set([
	'number',
	'id',
	'part',
	'tier',
	'kind',
	'correct',
	'compute',
	'tolerance',
	'precision',
	'unit',
	'command',
	'subcommand',
	'titleKo',
	// A worksheet item's seed source (line and original text); the session format's `source` sentence is prose.
	'source',
	'year',
	'min',
	'max',
]);

interface Pair {
	path: string;
	en: string;
	ko: string;
}

/** Walks both trees; returns structural problems and the prose pairs to check. */
function compare(en: unknown, ko: unknown, path: string[] = []): { problems: string[]; pairs: Pair[] } {
	const problems: string[] = [];
	const pairs: Pair[] = [];
	const walk = (a: unknown, b: unknown, at: string[]): void => {
		const p = at.join('.');
		const last = at[at.length - 1] ?? '';
		const data =
			(SAME.has(last) && !(last === 'source' && typeof a === 'string')) ||
			(at[0] === 'demos' && last === 'options') ||
			(at[0] === 'reading' && (last === 'title' || last === 'authors'));
		if (data) {
			if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${p}: must equal the English ${JSON.stringify(a)}`);
		} else if (Array.isArray(a)) {
			if (!Array.isArray(b) || a.length !== b.length) problems.push(`${p}: expected a list of ${a.length}`);
			else a.forEach((x, i) => walk(x, b[i], [...at, String(i)]));
		} else if (a !== null && typeof a === 'object') {
			const keysA = Object.keys(a);
			const keysB = b !== null && typeof b === 'object' ? Object.keys(b) : [];
			if (keysA.join() !== keysB.join()) problems.push(`${p}: keys ${keysB.join()} instead of ${keysA.join()}`);
			for (const k of keysA)
				walk((a as Record<string, unknown>)[k], (b as Record<string, unknown> | null)?.[k], [...at, k]);
		} else if (typeof a === 'string' && typeof b === 'string') pairs.push({ path: p, en: a, ko: b });
		else if (a !== b) problems.push(`${p}: ${String(b)} instead of ${String(a)}`);
	};
	walk(en, ko, path);
	return { problems, pairs };
}

interface Term {
	en: string;
	ko: string;
	avoid: string[];
}
const glossary = (read('ko/glossary.yaml') as { terms: Term[] }).terms;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Glossary problems of one pair: an English term whose Korean term is missing, or a spelling to avoid. */
function glossaryProblems({ path, en, ko }: Pair): string[] {
	const problems: string[] = [];
	for (const term of glossary) {
		const english = new RegExp(
			`(?<![\\w-])${escape(term.en).replace('normalization', 'normali[sz]ation')}s?(?![\\w-])`,
			'i',
		);
		if (english.test(en) && !ko.includes(term.ko)) problems.push(`${path}: "${term.en}" is "${term.ko}" in Korean`);
		for (const avoid of term.avoid) if (ko.includes(avoid)) problems.push(`${path}: "${avoid}" should be "${term.ko}"`);
	}
	return problems;
}

/** Prose that is only a formula, code or a name (no phrase of words) may stay as it is. */
const isFormulaOrName = (text: string) => !/[A-Za-z]{2,}\s+[a-z]{2,}/.test(text.replace(/`[^`]*`/g, ''));

const weekFiles = readdirSync(join(root, 'weeks')).filter((f) => f.endsWith('.yaml'));

describe('the Korean curriculum', () => {
	it('GIVEN every English week THEN a Korean page exists for it', () => {
		expect(readdirSync(join(root, 'ko', 'weeks')).sort()).toEqual(weekFiles.sort());
	});

	for (const file of weekFiles) {
		it(`GIVEN ko/weeks/${file} THEN it is valid, mirrors the English page and its prose is Korean and follows the glossary`, () => {
			const en = read(join('weeks', file));
			const ko = read(join('ko', 'weeks', file));
			const schema = weekSchema.safeParse(ko);
			expect(schema.success ? [] : schema.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
			const { problems, pairs } = compare(en, ko);
			expect(problems).toEqual([]);
			const notKorean = pairs.filter((p) => !/\p{Script=Hangul}/u.test(p.ko) && !isFormulaOrName(p.ko));
			expect(notKorean.map((p) => `${p.path}: ${p.ko}`)).toEqual([]);
			expect(pairs.flatMap(glossaryProblems)).toEqual([]);
			// The Korean title the syllabus announces is data (the same in both files) but still follows the glossary.
			const titleKo = (ko as { titleKo?: string }).titleKo ?? '';
			expect(glossary.flatMap((term) => term.avoid.filter((avoid) => titleKo.includes(avoid)))).toEqual([]);
		});
	}

	it('GIVEN the session format THEN its Korean version mirrors it', () => {
		const ko = read('ko/session-format.yaml');
		expect(sessionFormatSchema.safeParse(ko).success).toBe(true);
		const { problems, pairs } = compare(read('session-format.yaml'), ko);
		expect(problems).toEqual([]);
		expect(pairs.filter((p) => !/\p{Script=Hangul}/u.test(p.ko) && !isFormulaOrName(p.ko)).map((p) => p.path)).toEqual(
			[],
		);
		expect(pairs.flatMap(glossaryProblems)).toEqual([]);
	});

	it('GIVEN the loaded curriculum THEN the Korean view serves Korean pages with the same question ids and answers', async () => {
		const curriculum = await loadCurriculum();
		const korean = curriculum.in('ko');
		expect(korean.in('en')).toBe(curriculum);
		for (const week of curriculum.weeks) {
			const page = korean.week(week.number)!;
			expect(page.quiz.map((q) => q.id)).toEqual(week.quiz.map((q) => q.id));
			expect(/\p{Script=Hangul}/u.test(page.summary)).toBe(true);
		}
		expect(/\p{Script=Hangul}/u.test(korean.format.reflection)).toBe(true);
	});

	it('GIVEN the glossary and a Korean text that breaks it THEN the check reports it (the test can fail)', () => {
		expect(
			glossaryProblems({ path: 'x', en: 'Each token has an embedding.', ko: '각 토근에는 임베딩이 있습니다.' }),
		).toEqual(['x: "token" is "토큰" in Korean', 'x: "토근" should be "토큰"']);
	});
});
