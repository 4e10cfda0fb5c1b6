import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { z } from 'zod';
import { createCurriculum, type Curriculum } from './curriculum.js';
import { formatPath, formatProblem, lineOf, parseSource, type CurriculumProblem, type SourceFile } from './locate.js';
import { builtinCurriculumDir, displayPath } from './paths.js';
import type { Question } from './question-schema.js';
import {
	FIRST_WEEK,
	LAST_WEEK,
	questionFileSchema,
	sessionFormatSchema,
	weekSchema,
	type QuestionFile,
	type SessionFormat,
	type Week,
} from './schema.js';

/** Thrown when any curriculum file is invalid; lists every problem as `file:line: path: reason`. */
export class CurriculumError extends Error {
	override readonly name = 'CurriculumError';
	constructor(readonly problems: readonly CurriculumProblem[]) {
		super(
			`The curriculum has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
		);
	}
}

type Parsed<T> = { source: SourceFile; value: T; dir: number };

/**
 * Loads and validates the curriculum from `dirs`, in order: the first is the built-in `curriculum/`, later ones
 * an organizer's own. A later directory's week file REPLACES the week with the same number (its page and its
 * whole quiz); a question file EXTENDS a week's bank, and a question whose id already exists in an earlier
 * directory REPLACES that question. Every problem in every file is collected, then thrown at once as a
 * {@link CurriculumError}.
 */
export async function loadCurriculum(dirs: readonly string[] = [builtinCurriculumDir()]): Promise<Curriculum> {
	const english = await loadTree(dirs, (dir) => dir, true);
	// Each directory may hold its Korean pages under `ko/`, in the same layout; they are optional per week.
	const korean = await loadTree(dirs, (dir) => join(dir, TRANSLATION_DIRS.ko), false);
	if (english.problems.length || korean.problems.length || !english.format)
		throw new CurriculumError([...english.problems, ...korean.problems]);
	return createCurriculum(
		english.format,
		english.weeks,
		{
			ko: { format: korean.format, weeks: korean.weeks, sources: korean.sources },
		},
		english.sources,
	);
}

/** Where each language's pages live inside a curriculum directory. */
const TRANSLATION_DIRS = { ko: 'ko' } as const;

interface Tree {
	problems: CurriculumProblem[];
	format: SessionFormat | undefined;
	weeks: Week[];
	/** For each week number, the index of the directory its page came from (an organizer's replaces the built-in). */
	sources: Map<number, number>;
}

/**
 * Reads one language's files from every directory. The English tree must be complete (a session format and weeks
 * 1–12); a translation may leave out any week, which is then shown in English.
 */
async function loadTree(dirs: readonly string[], at: (dir: string) => string, complete: boolean): Promise<Tree> {
	const problems: CurriculumProblem[] = [];
	const weeks: Parsed<Week>[] = [];
	const extensions: Parsed<QuestionFile>[] = [];
	let format: Parsed<SessionFormat> | undefined;

	for (const [dirIndex, base] of dirs.entries()) {
		const dir = at(base);
		if (!complete && !(await isDirectory(dir))) continue;
		const files = await yamlFiles(dir, complete ? Object.values(TRANSLATION_DIRS) : []).catch((error: unknown) => {
			problems.push({
				file: displayPath(dir),
				line: 0,
				path: '',
				message: `cannot read the directory (${(error as Error).message})`,
			});
			return [];
		});
		for (const file of files) {
			const source = parseSource(displayPath(file), await readFile(file, 'utf8'));
			problems.push(...source.syntaxProblems);
			if (source.syntaxProblems.length) continue;
			const shape = classify(source.data);
			if (shape === 'glossary') continue;
			if (shape === undefined) {
				problems.push({
					file: source.file,
					line: 1,
					path: '',
					message:
						'not a curriculum file: expected a week (`number:`), questions for a week (`week:` and `quiz:`) or the session format (`dimensions:`)',
				});
			} else if (shape === 'week') {
				const value = validate(source, weekSchema, problems);
				if (value) weeks.push({ source, value, dir: dirIndex });
			} else if (shape === 'questions') {
				const value = validate(source, questionFileSchema, problems);
				if (value) extensions.push({ source, value, dir: dirIndex });
			} else {
				const value = validate(source, sessionFormatSchema, problems);
				if (value) format = { source, value, dir: dirIndex };
			}
		}
	}

	const merged = mergeWeeks(weeks, extensions, dirs.length, problems);
	if (complete && !format)
		problems.push({
			file: displayPath(dirs[0] ?? builtinCurriculumDir()),
			line: 0,
			path: '',
			message: 'no session format file (one with `dimensions:`)',
		});
	for (let n = FIRST_WEEK; complete && n <= LAST_WEEK; n++) {
		if (!merged.pages.has(n))
			problems.push({
				file: displayPath(dirs[0] ?? builtinCurriculumDir()),
				line: 0,
				path: '',
				message: `week ${n} is missing: weeks ${FIRST_WEEK}–${LAST_WEEK} must all be defined`,
			});
	}
	return {
		problems,
		format: format?.value,
		weeks: [...merged.pages.values()].sort((a, b) => a.number - b.number),
		sources: merged.sources,
	};
}

async function isDirectory(path: string): Promise<boolean> {
	return stat(path).then(
		(s) => s.isDirectory(),
		() => false,
	);
}

/** Every `.yaml`/`.yml` file under `dir`, in a stable order, sub-directories included except `skip` (translations). */
async function yamlFiles(dir: string, skip: readonly string[]): Promise<string[]> {
	if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	const skipped = skip.map((sub) => join(dir, sub));
	return entries
		.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
		.filter((e) => !skipped.some((sub) => e.parentPath === sub || e.parentPath.startsWith(sub + sep)))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

function classify(data: unknown): 'week' | 'questions' | 'format' | 'glossary' | undefined {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	if ('terms' in data) return 'glossary';
	if ('number' in data) return 'week';
	if ('week' in data) return 'questions';
	if ('dimensions' in data) return 'format';
	return undefined;
}

function validate<S extends z.ZodType>(
	source: SourceFile,
	schema: S,
	problems: CurriculumProblem[],
): z.infer<S> | undefined {
	const result = schema.safeParse(source.data);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		// An unknown key is reported at the key itself, so the line shows the typo.
		const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
		problems.push({ file: source.file, line: lineOf(source, path), path: formatPath(path), message: issue.message });
	}
	return undefined;
}

interface BankEntry {
	question: Question;
	week: number;
	dir: number;
	source: SourceFile;
	path: (string | number)[];
}

/**
 * Applies the replace/extend rules directory by directory: weeks first (a later week replaces the page and the
 * quiz), then question files (new ids extend, known ids from an earlier directory replace). Within one
 * directory a week number or question id defined twice is an error.
 */
function mergeWeeks(
	weeks: Parsed<Week>[],
	extensions: Parsed<QuestionFile>[],
	dirCount: number,
	problems: CurriculumProblem[],
): { pages: Map<number, Week>; sources: Map<number, number> } {
	const pages = new Map<number, Parsed<Week>>();
	const bank = new Map<string, BankEntry>();
	const add = (entry: BankEntry) => {
		const existing = bank.get(entry.question.id);
		if (existing && existing.dir === entry.dir) {
			problems.push({
				file: entry.source.file,
				line: lineOf(entry.source, [...entry.path, 'id']),
				path: formatPath([...entry.path, 'id']),
				message: `duplicate question id "${entry.question.id}" (also in ${existing.source.file}:${lineOf(existing.source, [...existing.path, 'id'])})`,
			});
			return;
		}
		bank.delete(entry.question.id); // re-insert so the replacement takes its new week's order
		bank.set(entry.question.id, entry);
	};
	for (let dir = 0; dir < dirCount; dir++) {
		for (const page of weeks.filter((w) => w.dir === dir)) {
			const n = page.value.number;
			const earlier = pages.get(n);
			if (earlier && earlier.dir === dir) {
				problems.push({
					file: page.source.file,
					line: lineOf(page.source, ['number']),
					path: 'number',
					message: `week ${n} is also defined in ${earlier.source.file}`,
				});
				continue;
			}
			pages.set(n, page);
			for (const [id, entry] of bank) if (entry.week === n) bank.delete(id);
			page.value.quiz.forEach((question, i) => add({ question, week: n, dir, source: page.source, path: ['quiz', i] }));
		}
		for (const file of extensions.filter((e) => e.dir === dir)) {
			file.value.quiz.forEach((question, i) =>
				add({ question, week: file.value.week, dir, source: file.source, path: ['quiz', i] }),
			);
		}
	}
	const merged = new Map<number, Week>();
	for (const [n, page] of pages) {
		const quiz = [...bank.values()].filter((e) => e.week === n).map((e) => e.question);
		merged.set(n, { ...page.value, quiz });
	}
	return { pages: merged, sources: new Map([...pages].map(([n, page]) => [n, page.dir])) };
}
