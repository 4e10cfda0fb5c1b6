import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/paths.js';

/** The study group's worksheet, one of the documents the curriculum was written from (curriculum/sources/). */
export const WORKSHEET_SEED = path.join(repoRoot(), 'curriculum', 'sources', '003_7b995db7eb4c6b09.txt');

/**
 * Mends the seed's broken characters. The worksheet's UTF-8 was decoded as ISO-8859-7 (Greek) and the C1 bytes
 * were dropped, so every `E2 80 xx` punctuation mark became `β` followed by what was left of its last byte:
 * an apostrophe inside a word, quotes around words, a dash between spaces, and `β¦` for an ellipsis (`⦠` where the
 * ellipsis was followed by a no-break space). Typography is mended to plain ASCII quotes and a spaced em dash.
 */
export function repairWorksheetText(text: string): string {
	return text
		.replace(/β¦/g, '…')
		.replace(/⦠/g, '… ')
		.replace(/(\p{L})β(\p{L})/gu, "$1'$2")
		.replace(/ β /g, ' — ')
		.replace(/(^|[\s(])β(?=\S)/gu, '$1"')
		.replace(/(\S)β(?=$|[\s.,;:!?)])/gmu, '$1"');
}

/** One prompt of the worksheet: the line its text is on and the text, mended, without the answer placeholder. */
export interface SeedPrompt {
	line: number;
	text: string;
}

const PLACEHOLDER = /\[answer goes here[^\]]*\]/;

/**
 * Every prompt of the worksheet: each line with an `[answer goes here…]` placeholder. A placeholder alone on its
 * line answers the prompt on the line before it ("Write a list of questions you still have…:").
 */
export function seedPrompts(raw: string = readFileSync(WORKSHEET_SEED, 'utf8')): SeedPrompt[] {
	const lines = raw.split(/\r?\n/);
	const prompts: SeedPrompt[] = [];
	lines.forEach((line, i) => {
		if (!PLACEHOLDER.test(line)) return;
		const text = clean(line.replace(PLACEHOLDER, ''));
		if (text !== '') {
			prompts.push({ line: i + 1, text });
			return;
		}
		const previous = clean(lines[i - 1] ?? '');
		if (previous === '') throw new Error(`placeholder on line ${i + 1} has no prompt`);
		prompts.push({ line: i, text: previous });
	});
	return prompts;
}

function clean(line: string): string {
	return repairWorksheetText(line.replace(/^\s*-\s*/, '')).trim();
}
