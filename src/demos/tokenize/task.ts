import { layoutTokenStrips, sceneToPng } from '../../charts/index.js';
import { drawnPerStrip, tokenStripsFor, type Tokenized } from './chart.js';
import type { ShowChoice } from './input.js';
import { characterCount } from './input.js';
import { loadFamily, replaceLoneSurrogates, tokenPieces, type Family } from '../../models/tokenizers/index.js';

export interface TokenizeChartInput {
	text: string;
	models: Family[];
	show: ShowChoice;
}

/** One tokenizer's figures. */
export interface TokenizeStrip {
	model: Family;
	encoding: string;
	/** Every token id, in order (not only the drawn ones). */
	ids: number[];
	/** Tokens drawn in the chart; the others are summarised there as "… and N more tokens". */
	drawn: number;
	/** Tokens that hold only part of a character (shown as �). */
	partial: number;
}

export interface TokenizeChartOutput {
	strips: TokenizeStrip[];
	/** Code points of the text as tokenized (lone surrogates count as the U+FFFD that replaced them). */
	characters: number;
	/** UTF-8 bytes of the text as tokenized. */
	bytes: number;
	/** Lone UTF-16 surrogates replaced by U+FFFD before tokenizing (tiktoken does the same). */
	replacedSurrogates: number;
	png: Uint8Array;
}

const LONE_SURROGATES = /\p{Cs}/gu;

/**
 * Tokenizes `text` with each model's encoding (built once per thread) and draws the token strips. Runs in a
 * worker: loading an encoding takes up to a second and a 4,000-character text can make 12,000 tokens.
 */
export async function tokenizeChart(input: TokenizeChartInput): Promise<TokenizeChartOutput> {
	const clean = replaceLoneSurrogates(input.text);
	const results: Tokenized[] = [];
	for (const model of input.models) {
		const encoding = await loadFamily(model);
		// Claude's and Qwen's tokenizers normalise (NFKC, NFC) first: the pieces spell the text as they see it.
		results.push({ model, encoding: encoding.name, pieces: tokenPieces(encoding, encoding.normalize(clean)) });
	}
	const scene = layoutTokenStrips(tokenStripsFor(input.text, results, input.show));
	const drawn = drawnPerStrip(scene);
	return {
		strips: results.map((r, i) => ({
			model: r.model,
			encoding: r.encoding ?? r.model,
			ids: r.pieces.map((p) => p.id),
			drawn: drawn[i] ?? 0,
			partial: r.pieces.filter((p) => p.splitsCharacter).length,
		})),
		characters: characterCount(clean),
		bytes: Buffer.byteLength(clean, 'utf8'),
		replacedSurrogates: input.text.match(LONE_SURROGATES)?.length ?? 0,
		png: await sceneToPng(scene),
	};
}

/** The /tokenize tasks, spread into the task registry. */
export const tokenizeTasks = {
	'tokenize.chart': tokenizeChart,
};
