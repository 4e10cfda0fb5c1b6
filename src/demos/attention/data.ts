import type { TinyGpt } from '../../models/transformer/index.js';
import { ATTENTION_MAX_TOKENS, STEPS_MAX_TOKENS, type AttentionView } from './input.js';
import { displayToken } from '../tokenize/visible.js';

/** One token of the input. */
export interface AttentionToken {
	id: number;
	/** Its bytes decoded alone (part of a character decodes to U+FFFD). */
	text: string;
	/** How charts and tables show it (see `displayToken`). */
	label: string;
}

/** One head's arithmetic on a short input, every array row-major as the model computed it. */
export interface HeadSteps {
	/** Q, K, V rows of this head: T × dh. */
	q: number[][];
	k: number[][];
	v: number[][];
	/** Q·Kᵀ, T × T, every pair (the mask comes later). */
	scores: number[][];
	/** scores / √dh. */
	scaled: number[][];
	/** softmax of each row of `scaled` over the keys at or before the query; 0 above the diagonal. */
	weights: number[][];
	/** weights · V: T × dh. */
	output: number[][];
}

/** What /attention computed: the tokens, one layer's weights for every head, and for `view:steps` one head's steps. */
export interface AttentionData {
	model: string;
	/** 0-based, as the model indexes them (members see them +1). */
	layer: number;
	head: number;
	view: AttentionView;
	nLayers: number;
	nHeads: number;
	dModel: number;
	headDim: number;
	tokens: AttentionToken[];
	/** The tokens decoded together: the member's text as the model read it. */
	input: string;
	/** weights[head][query][key] for the whole input; 0 above the diagonal. */
	weights: number[][][];
	/** `view:steps` only: the first {@link STEPS_MAX_TOKENS} tokens of the input through the chosen head. */
	steps?: HeadSteps;
	/** When the input has Hangul: its first Hangul word, its UTF-8 bytes, and the tokens it makes on its own. */
	korean?: { word: string; bytes: number; tokens: number };
}

export type AttentionOutcome = { kind: 'ok'; data: AttentionData } | { kind: 'too-long'; tokens: number };

/** Rows of a row-major T × cols array, as plain numbers (float32 values are exact in a double). */
export function rowsOf(flat: ArrayLike<number>, rows: number, cols: number): number[][] {
	return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => flat[r * cols + c] as number));
}

/**
 * Runs our model on `text` and collects what /attention shows. Refuses (as `too-long`) inputs over
 * {@link ATTENTION_MAX_TOKENS} tokens rather than cutting them, so the member knows the map is of their whole text.
 */
export function attentionData(
	model: TinyGpt,
	text: string,
	request: { layer: number; head: number; view: AttentionView },
): AttentionOutcome {
	const tokenizer = model.tokenizer;
	if (!tokenizer) throw new Error(`${model.name} has no tokenizer`);
	const ids = tokenizer.encode(text);
	if (ids.length > ATTENTION_MAX_TOKENS) return { kind: 'too-long', tokens: ids.length };
	if (ids.length === 0) throw new RangeError('attention: empty input');
	const { nLayers, nHeads, dModel } = model.config;
	const headDim = dModel / nHeads;
	const n = ids.length;
	const run = model.run(ids);
	const data: AttentionData = {
		model: model.name,
		layer: request.layer,
		head: request.head,
		view: request.view,
		nLayers,
		nHeads,
		dModel,
		headDim,
		tokens: ids.map((id) => {
			const text = tokenizer.decode([id]);
			return { id, text, label: displayToken(text, tokenizer.tokenBytes(id)) };
		}),
		input: tokenizer.decode(ids),
		weights: (run.attention[request.layer] ?? []).map((w) => rowsOf(w, n, n)),
	};
	const hangul = /\p{Script=Hangul}+/u.exec(text)?.[0];
	if (hangul)
		data.korean = { word: hangul, bytes: Buffer.byteLength(hangul, 'utf8'), tokens: tokenizer.encode(hangul).length };
	if (request.view === 'steps') {
		const short = ids.slice(0, STEPS_MAX_TOKENS);
		const t = short.length;
		const s = model.attentionSteps(short, request.layer);
		const h = request.head;
		data.steps = {
			q: rowsOf(s.q[h]!, t, headDim),
			k: rowsOf(s.k[h]!, t, headDim),
			v: rowsOf(s.v[h]!, t, headDim),
			scores: rowsOf(s.scores[h]!, t, t),
			scaled: rowsOf(s.scaled[h]!, t, t),
			weights: rowsOf(s.weights[h]!, t, t),
			output: rowsOf(s.output[h]!, t, headDim),
		};
	}
	return { kind: 'ok', data };
}

/** The causal mask of a T × T map: true above the diagonal (a query may not see later keys). */
export function causalMask(n: number): boolean[][] {
	return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => c > r));
}
