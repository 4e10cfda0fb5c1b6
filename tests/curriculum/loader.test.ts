import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CurriculumError, loadCurriculum } from '../../src/curriculum/loader.js';
import { questionFileSchema } from '../../src/curriculum/schema.js';
import { formatProblem } from '../../src/curriculum/locate.js';
import { builtinCurriculumDir, curriculumDirs, displayPath } from '../../src/curriculum/paths.js';
import { repoRoot } from '../../src/paths.js';

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'curriculum-'));
	made.push(dir);
	return dir;
}

/** A copy of the built-in curriculum to break on purpose. */
function copyOfBuiltin(): string {
	const dir = tempDir();
	cpSync(builtinCurriculumDir(), dir, { recursive: true });
	return dir;
}

/** Edits one file of a copy with a text transformation, and checks that the edit really happened. */
function edit(dir: string, file: string, change: (text: string) => string): string {
	const path = join(dir, file);
	const before = readFileSync(path, 'utf8');
	const after = change(before);
	expect(after).not.toBe(before);
	writeFileSync(path, after);
	return path;
}

/** 1-based number of the first line at or after `from` (1-based) that matches. */
function lineNumber(text: string, pattern: RegExp, from = 1): number {
	const lines = text.split('\n');
	for (let i = from - 1; i < lines.length; i++) if (pattern.test(lines[i] ?? '')) return i + 1;
	throw new Error(`no line matches ${pattern}`);
}

async function problemsOf(dirs: string[]): Promise<string[]> {
	try {
		await loadCurriculum(dirs);
	} catch (error) {
		if (error instanceof CurriculumError) return error.problems.map(formatProblem);
		throw error;
	}
	throw new Error('expected the curriculum to be rejected');
}

describe('a broken file reports file, line and reason', () => {
	it('GIVEN a multiple-choice question with 3 options THEN the problem names the file, the options line and the count', async () => {
		const dir = copyOfBuiltin();
		let expectedLine = 0;
		const path = edit(dir, 'weeks/week-05.yaml', (text) => {
			const questionLine = lineNumber(text, /^ {2}- id: w05-mc-blank-cell$/);
			expectedLine = lineNumber(text, /^ {4}options:$/, questionLine);
			const lines = text.split('\n');
			// Drop one option of that question: from its "- text:" line up to the next option or question.
			const option = lineNumber(text, /^ {6}- text: The user rated the item with an average score\.$/, expectedLine);
			const next = lineNumber(text, /^( {6}- text: | {2}- id: )/, option + 1);
			lines.splice(option - 1, next - option);
			return lines.join('\n');
		});
		const problems = await problemsOf([dir]);
		expect(problems).toContain(`${path}:${expectedLine}: quiz[3].options: expected 4 options, got 3`);
	});

	it('GIVEN two options marked correct THEN the problem says how many right options it found', async () => {
		const dir = copyOfBuiltin();
		let expectedLine = 0;
		const path = edit(dir, 'weeks/week-07.yaml', (text) => {
			expectedLine = lineNumber(text, /^ {4}options:$/, lineNumber(text, /^ {2}- id: w07-mc-why-scale$/));
			return text.replace(
				'      - text: So that the attention weights add up to 1.\n',
				'      - text: So that the attention weights add up to 1.\n        correct: true\n',
			);
		});
		expect(await problemsOf([dir])).toContain(
			`${path}:${expectedLine}: quiz[0].options: expected exactly one right option (correct: true), got 2`,
		);
	});

	it('GIVEN a demo naming an unknown command THEN the command line is reported with the known commands', async () => {
		const dir = copyOfBuiltin();
		let expectedLine = 0;
		const path = edit(dir, 'weeks/week-04.yaml', (text) => {
			expectedLine = lineNumber(text, /^ {2}- command: tokenize$/);
			return text.replace('  - command: tokenize\n', '  - command: tokenise\n');
		});
		const problems = await problemsOf([dir]);
		const problem = problems.find((p) =>
			p.startsWith(`${path}:${expectedLine}: demos[0].command: unknown command "tokenise"`),
		);
		expect(problem, problems.join('\n')).toContain('tokenize, similarity, attention');
	});

	it('GIVEN a demo option the command does not have THEN that option is reported', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-10.yaml', (text) =>
			text.replace('options: { length: 64, dims: 32 }', 'options: { length: 64, dimensions: 32 }'),
		);
		const line = lineNumber(readFileSync(path, 'utf8'), /dimensions: 32/);
		const problems = await problemsOf([dir]);
		expect(
			problems.some((p) =>
				p.startsWith(`${path}:${line}: demos[0].options.dimensions: /positions has no option "dimensions"`),
			),
			problems.join('\n'),
		).toBe(true);
	});

	it('GIVEN a /quiz demo without its subcommand THEN the missing subcommand is reported', async () => {
		const dir = copyOfBuiltin();
		let expectedLine = 0;
		const path = edit(dir, 'weeks/week-01.yaml', (text) => {
			expectedLine = lineNumber(text, /^ {2}- command: quiz$/);
			return text.replace('  - command: quiz\n    subcommand: practice\n', '  - command: quiz\n');
		});
		const demo = (parse(readFileSync(path, 'utf8')) as { demos: { command: string }[] }).demos.findIndex(
			(d) => d.command === 'quiz',
		);
		expect(await problemsOf([dir])).toContain(
			`${path}:${expectedLine}: demos[${demo}].subcommand: /quiz needs a subcommand (practice)`,
		);
	});

	it('GIVEN a misspelt key THEN the unrecognised key is reported at its own line', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-02.yaml', (text) => text.replace('\nkeyQuestions:\n', '\nkeyQuestoins:\n'));
		const text = readFileSync(path, 'utf8');
		const problems = await problemsOf([dir]);
		expect(problems).toContain(
			`${path}:${lineNumber(text, /^keyQuestoins:$/)}: keyQuestoins: Unrecognized key: "keyQuestoins"`,
		);
		// The required key is now missing: reported at the file's top, where it has to be added.
		expect(
			problems.some((p) => p.startsWith(`${path}:1: keyQuestions:`)),
			problems.join('\n'),
		).toBe(true);
	});

	it('GIVEN a numeric prompt that no longer states a number of its computation THEN the mismatch is reported', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-11.yaml', (text) =>
			text.replace('value at index 0?', 'value at the first index?'),
		);
		const line = lineNumber(readFileSync(path, 'utf8'), /kind: layer-norm, x: \[1, 2, 3, 4\], index: 0/);
		expect(await problemsOf([dir])).toContain(
			`${path}:${line}: quiz[7].compute.index: the prompt does not state index = 0`,
		);
	});

	it('GIVEN a tolerance finer than the displayed precision THEN it is rejected', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-06.yaml', (text) =>
			text.replace(
				'    tolerance: 0.005\n    precision: 3\n    explanation: >-\n      e^3',
				'    tolerance: 0.0001\n    precision: 3\n    explanation: >-\n      e^3',
			),
		);
		const line = lineNumber(readFileSync(path, 'utf8'), /^ {4}tolerance: 0\.0001$/);
		expect(await problemsOf([dir])).toContain(
			`${path}:${line}: quiz[6].tolerance: tolerance 0.0001 is below half the display step (0.0005) for precision 3`,
		);
	});

	it('GIVEN a further-reading entry with a URL THEN it is rejected', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-03.yaml', (text) =>
			text.replace('    authors: OWASP Foundation\n', '    authors: OWASP Foundation, https://owasp.org\n'),
		);
		const line = lineNumber(readFileSync(path, 'utf8'), /authors: OWASP Foundation, https/);
		expect(await problemsOf([dir])).toContain(
			`${path}:${line}: reading[3].authors: further reading is cited by title and author only: no URLs`,
		);
	});

	it('GIVEN invalid YAML THEN the syntax error is reported with its line', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-08.yaml', (text) =>
			text.replace('titleKo: 멀티헤드 어텐션\n', 'titleKo: 멀티헤드 어텐션\nsummary: [unclosed\n'),
		);
		const problems = await problemsOf([dir]);
		const yamlProblem = problems.find((p) => p.startsWith(`${path}:`) && p.includes('YAML'));
		expect(yamlProblem, problems.join('\n')).toBeDefined();
		expect(Number(yamlProblem?.slice(path.length + 1).split(':')[0])).toBeGreaterThanOrEqual(4);
	});

	it('GIVEN the same question id in two week files THEN the second is reported and points at the first', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-08.yaml', (text) =>
			text.replace('  - id: w08-mc-head-dim\n', '  - id: w07-mc-shape\n'),
		);
		const first = join(dir, 'weeks/week-07.yaml');
		const problems = await problemsOf([dir]);
		const line = lineNumber(readFileSync(path, 'utf8'), /^ {2}- id: w07-mc-shape$/);
		const firstLine = lineNumber(readFileSync(first, 'utf8'), /^ {2}- id: w07-mc-shape$/);
		expect(problems).toContain(
			`${path}:${line}: quiz[1].id: duplicate question id "w07-mc-shape" (also in ${first}:${firstLine})`,
		);
	});

	it('GIVEN two files with the same week number and a missing week THEN both are reported', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-07.yaml', (text) => text.replace(/^number: 7$/m, 'number: 6'));
		const problems = await problemsOf([dir]);
		expect(problems).toContain(`${path}:1: number: week 6 is also defined in ${join(dir, 'weeks/week-06.yaml')}`);
		expect(problems).toContain(`${dir}: week 7 is missing: weeks 1–12 must all be defined`);
	});

	it('GIVEN a week number outside 1-12 THEN the number is rejected', async () => {
		const dir = copyOfBuiltin();
		const path = edit(dir, 'weeks/week-12.yaml', (text) => text.replace(/^number: 12$/m, 'number: 13'));
		expect((await problemsOf([dir])).some((p) => p.startsWith(`${path}:1: number: Too big`))).toBe(true);
	});

	it('GIVEN a file that is none of the known kinds THEN it is named as not a curriculum file', async () => {
		const dir = copyOfBuiltin();
		writeFileSync(join(dir, 'notes.yaml'), 'hello: world\n');
		expect(
			(await problemsOf([dir])).some((p) => p.startsWith(`${join(dir, 'notes.yaml')}:1: not a curriculum file`)),
		).toBe(true);
	});

	it('GIVEN a missing organizer directory THEN start-up fails naming the directory', async () => {
		const missing = join(tempDir(), 'nope');
		const problems = await problemsOf([builtinCurriculumDir(), missing]);
		expect(problems[0]).toMatch(new RegExp(`^${missing}: cannot read the directory`));
	});

	it('GIVEN a problem THEN the error message lists it for the start-up log', async () => {
		const dir = copyOfBuiltin();
		edit(dir, 'weeks/week-01.yaml', (text) => text.replace(/^number: 1$/m, 'number: 0'));
		await expect(loadCurriculum([dir])).rejects.toThrow(
			/The curriculum has \d+ problems?:\n {2}.*week-01\.yaml:1: number: Too small/,
		);
	});
});

describe("an organizer's directory", () => {
	const builtinWeek = (n: number) =>
		parse(
			readFileSync(join(builtinCurriculumDir(), 'weeks', `week-${String(n).padStart(2, '0')}.yaml`), 'utf8'),
		) as Record<string, unknown>;
	const freeText = (id: string, prompt: string) => ({
		id,
		kind: 'free-text',
		prompt,
		answer: 'A model answer written by the organizer.',
		rubric: ['First point.', 'Second point.'],
	});

	it('GIVEN a week file with a built-in number THEN it replaces that week, page and quiz', async () => {
		const organizer = tempDir();
		const week = {
			...builtinWeek(5),
			title: 'Embeddings, our way',
			quiz: [freeText('org-w05-own', 'Explain embeddings to a friend.')],
		};
		writeFileSync(join(organizer, 'week-05.yaml'), stringify(week));
		const curriculum = await loadCurriculum([builtinCurriculumDir(), organizer]);
		expect(curriculum.week(5)?.title).toBe('Embeddings, our way');
		expect(curriculum.questionsFor(5).map((q) => q.id)).toEqual(['org-w05-own']);
		expect(curriculum.question('w05-mc-scale')).toBeUndefined();
		expect(curriculum.week(6)?.title).toBe(builtinWeek(6).title);
	});

	it('GIVEN a question file THEN new ids extend the week and a known id replaces that question', async () => {
		const organizer = tempDir();
		mkdirSync(join(organizer, 'extra'));
		const replaced = freeText('w07-mc-shape', 'In your own words: what is the shape of QKᵀ, and why?');
		writeFileSync(
			join(organizer, 'extra', 'week-07-more.yaml'),
			stringify({ week: 7, quiz: [freeText('org-w07-extra', 'Why √d_k?'), replaced] }),
		);
		const builtin = await loadCurriculum();
		const curriculum = await loadCurriculum([builtinCurriculumDir(), organizer]);
		const ids = curriculum.questionsFor(7).map((q) => q.id);
		expect(ids).toHaveLength(builtin.questionsFor(7).length + 1);
		expect(ids.slice(-2)).toEqual(['org-w07-extra', 'w07-mc-shape']);
		expect(curriculum.question('w07-mc-shape')).toMatchObject({ kind: 'free-text', week: 7, prompt: replaced.prompt });
	});

	it('GIVEN a replaced question id in another week THEN the question moves to that week', async () => {
		const organizer = tempDir();
		writeFileSync(
			join(organizer, 'moves.yaml'),
			stringify({ week: 12, quiz: [freeText('w07-mc-shape', 'Revisit: the shape of QKᵀ.')] }),
		);
		const curriculum = await loadCurriculum([builtinCurriculumDir(), organizer]);
		expect(curriculum.question('w07-mc-shape')?.week).toBe(12);
		expect(curriculum.questionsFor(7).some((q) => q.id === 'w07-mc-shape')).toBe(false);
	});

	it('GIVEN the same new id twice in the organizer directory THEN both places are named', async () => {
		const organizer = tempDir();
		writeFileSync(join(organizer, 'a.yaml'), stringify({ week: 3, quiz: [freeText('org-dup', 'One?')] }));
		writeFileSync(join(organizer, 'b.yaml'), stringify({ week: 4, quiz: [freeText('org-dup', 'Two?')] }));
		const problems = await problemsOf([builtinCurriculumDir(), organizer]);
		expect(problems).toContain(
			`${join(organizer, 'b.yaml')}:3: quiz[0].id: duplicate question id "org-dup" (also in ${join(organizer, 'a.yaml')}:3)`,
		);
	});

	it('GIVEN CURRICULUM_DIR THEN curriculumDirs puts it after the built-in directory', () => {
		expect(curriculumDirs({})).toEqual([builtinCurriculumDir()]);
		expect(curriculumDirs({ CURRICULUM_DIR: '/srv/our-course' })).toEqual([builtinCurriculumDir(), '/srv/our-course']);
	});
});

describe('locating the built-in directory', () => {
	it('GIVEN the repository root THEN the built-in directory is its curriculum/ folder', () => {
		expect(builtinCurriculumDir()).toBe(join(repoRoot(), 'curriculum'));
		expect(readFileSync(join(builtinCurriculumDir(), 'README.md'), 'utf8')).toMatch(/CURRICULUM_DIR/);
	});

	it('GIVEN the YAML examples in curriculum/README.md THEN they are valid question files', () => {
		const readme = readFileSync(join(builtinCurriculumDir(), 'README.md'), 'utf8');
		const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
		expect(blocks).toHaveLength(2);
		const [file, item] = blocks as [string, string];
		expect(questionFileSchema.safeParse(parse(file)).error?.issues).toBeUndefined();
		expect(questionFileSchema.safeParse({ week: 12, quiz: parse(item) }).error?.issues).toBeUndefined();
	});

	it('GIVEN paths inside and outside the repository THEN problems show them relative and absolute', () => {
		expect(displayPath(join(repoRoot(), 'curriculum', 'weeks', 'week-05.yaml'))).toBe('curriculum/weeks/week-05.yaml');
		expect(displayPath('/somewhere/else.yaml')).toBe('/somewhere/else.yaml');
	});
});
