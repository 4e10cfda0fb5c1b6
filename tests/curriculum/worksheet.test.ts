import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Curriculum } from '../../src/curriculum/curriculum.js';
import { loadCurriculum } from '../../src/curriculum/loader.js';
import { repairWorksheetText, seedPrompts, WORKSHEET_SEED, type SeedPrompt } from './worksheet-seed.js';

/** Every place the curriculum cites a worksheet line: worksheet questions and reflection prompts. */
interface Citation {
	week: number;
	where: 'worksheet' | 'reflection';
	line: number;
	text: string;
	answer?: string;
}

let curriculum: Curriculum;
let prompts: SeedPrompt[];
let citations: Citation[];

beforeAll(async () => {
	expect(existsSync(WORKSHEET_SEED), `the worksheet seed is expected at ${WORKSHEET_SEED}`).toBe(true);
	curriculum = await loadCurriculum();
	prompts = seedPrompts();
	citations = curriculum.weeks.flatMap((week) => [
		...week.worksheet.flatMap((w) =>
			w.source
				? [
						{
							week: week.number,
							where: 'worksheet' as const,
							line: w.source.line,
							text: w.source.text,
							answer: w.answer,
						},
					]
				: [],
		),
		...week.reflection.flatMap((r) =>
			r.source ? [{ week: week.number, where: 'reflection' as const, line: r.source.line, text: r.source.text }] : [],
		),
	]);
});

describe('the worksheet seed', () => {
	it('GIVEN the seed file THEN parsing finds one prompt per "[answer goes here]" placeholder', () => {
		const placeholders = readFileSync(WORKSHEET_SEED, 'utf8').match(/\[answer goes here/g) ?? [];
		expect(prompts).toHaveLength(placeholders.length);
		expect(prompts.length).toBeGreaterThan(0);
	});

	it('GIVEN the mended prompts THEN none keeps a broken character', () => {
		for (const p of prompts) expect(p.text, `line ${p.line}`).not.toMatch(/[β⦠πâ€\uFFFD]/);
	});

	it('GIVEN the mis-decoded punctuation THEN repair restores apostrophes, quotes, dashes and ellipses', () => {
		expect(repairWorksheetText('Why doesnβt the LLM')).toBe("Why doesn't the LLM");
		expect(repairWorksheetText('to βdrawβ embeddings')).toBe('to "draw" embeddings');
		expect(repairWorksheetText('greedy sampling β how')).toBe('greedy sampling — how');
		expect(repairWorksheetText('logit values⦠what')).toBe('logit values… what');
		expect(repairWorksheetText('Summarization\nβ¦\nEtc.')).toBe('Summarization\n…\nEtc.');
	});
});

describe('every worksheet prompt is in the curriculum', () => {
	it('GIVEN each prompt of the seed THEN exactly one worksheet question or reflection cites its line with the mended text', () => {
		for (const prompt of prompts) {
			const matches = citations.filter((c) => c.line === prompt.line);
			expect(matches, `seed line ${prompt.line}: ${prompt.text}`).toHaveLength(1);
			expect(matches[0]?.text, `seed line ${prompt.line}`).toBe(prompt.text);
		}
	});

	it('GIVEN the citations THEN each points at a real prompt and the counts match the seed', () => {
		const lines = new Set(prompts.map((p) => p.line));
		for (const c of citations)
			expect(lines.has(c.line), `week ${c.week} cites line ${c.line}, which has no prompt`).toBe(true);
		expect(citations).toHaveLength(prompts.length);
	});

	it('GIVEN the "what questions do you still have" prompts THEN they are reflection prompts, and every other prompt has a model answer', () => {
		for (const c of citations) {
			const stillHave = /questions (do u have|you still have)/i.test(c.text);
			expect(c.where, `line ${c.line}`).toBe(stillHave ? 'reflection' : 'worksheet');
			if (c.where === 'worksheet') expect(c.answer?.length ?? 0, `line ${c.line}`).toBeGreaterThan(100);
		}
		expect(citations.filter((c) => c.where === 'reflection')).toHaveLength(3);
	});

	it('GIVEN the collaborative-filtering prompts THEN all of them are in week 5, beside cosine similarity', () => {
		const lines = readFileSync(WORKSHEET_SEED, 'utf8').split(/\r?\n/);
		// The section runs from its heading to the next heading ("Evaluation"), both 1-based line numbers here.
		const start = lines.findIndex((l) => l.trim() === 'Collaborative Filtering') + 1;
		const end = lines.findIndex((l, i) => i >= start && l.trim() === 'Evaluation') + 1;
		expect(start).toBeGreaterThan(0);
		expect(end).toBeGreaterThan(start);
		const cf = prompts.filter((p) => p.line > start && p.line < end);
		expect(cf).toHaveLength(13);
		for (const p of cf) expect(citations.find((c) => c.line === p.line)?.week, `line ${p.line}`).toBe(5);
	});
});
