import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ngram from '../../commands/ngram.js';
import { pngSize } from '../../src/charts/index.js';
import { loadTinyGpt, referenceForward, type TinyGpt } from '../../src/models/transformer/index.js';
import { repoRoot } from '../../src/models/transformer/paths.js';
import { deserializeWeights, type ModelManifest } from '../../src/models/transformer/weights-io.js';
import { displayToken } from '../../src/demos/tokenize/visible.js';
import { runForReply } from '../helpers/run-command.js';

/*
 * /ngram through the command, against n-gram models counted again here, simply, from the corpus files: the split,
 * the counting, the smoothing and the held-out cross-entropy written out without the bot's code. Only tiny-gpt's
 * tokenizer is shared (the models are defined over its tokens), and tiny-gpt's panel is checked against the float64
 * reference forward pass.
 */
const root = repoRoot();
let model: TinyGpt;
let train: number[];
let validation: number[][];
const V = 4096;
const uni = new Map<string, number>();
const bi = new Map<string, number>();
const tri = new Map<string, number>();

/** c(context, ·) and n(context, ·) of every context in a table of (context…, next) counts. */
function histories(table: Map<string, number>): Map<string, { seen: number; distinct: number }> {
	const out = new Map<string, { seen: number; distinct: number }>();
	for (const [key, c] of table) {
		const context = key.slice(0, key.lastIndexOf(' '));
		const h = out.get(context) ?? { seen: 0, distinct: 0 };
		out.set(context, { seen: h.seen + c, distinct: h.distinct + 1 });
	}
	return out;
}
let biHistory: Map<string, { seen: number; distinct: number }>;
let triHistory: Map<string, { seen: number; distinct: number }>;
const history = (table: Map<string, number>, context: string) =>
	(table === bi ? biHistory : triHistory).get(context) ?? { seen: 0, distinct: 0 };

beforeAll(async () => {
	model = await loadTinyGpt();
	const tok = model.tokenizer!;
	train = [];
	validation = [];
	for (const file of ['tinyshakespeare.txt', 'warpeace_clean.txt']) {
		const text = readFileSync(path.join(root, 'assets/corpus', file), 'utf8');
		const cut = text.indexOf('\n', Math.floor(text.length * 0.95)) + 1;
		train = train.concat(tok.encode(text.slice(0, cut)), [V - 1]); // the end-of-text id ends each document
		validation.push(tok.encode(text.slice(cut)));
	}
	for (let i = 0; i < train.length; i++) {
		uni.set(`${train[i]}`, (uni.get(`${train[i]}`) ?? 0) + 1);
		if (i >= 1) bi.set(`${train[i - 1]} ${train[i]}`, (bi.get(`${train[i - 1]} ${train[i]}`) ?? 0) + 1);
		if (i >= 2) {
			const key = `${train[i - 2]} ${train[i - 1]} ${train[i]}`;
			tri.set(key, (tri.get(key) ?? 0) + 1);
		}
	}
	biHistory = histories(bi);
	triHistory = histories(tri);
}, 60_000);

/** The three models written out: add-one unigram, Witten–Bell bigram over it, Witten–Bell trigram over that. */
function models() {
	const seenOf = history;
	const pUni = (c: number) => ((uni.get(`${c}`) ?? 0) + 1) / (train.length + V);
	const pBi = (b: number, c: number) => {
		const { seen, distinct } = seenOf(bi, `${b}`);
		if (seen === 0) return pUni(c);
		const l = seen / (seen + distinct);
		return (l * (bi.get(`${b} ${c}`) ?? 0)) / seen + (1 - l) * pUni(c);
	};
	const pTri = (a: number, b: number, c: number) => {
		const { seen, distinct } = seenOf(tri, `${a} ${b}`);
		if (seen === 0) return pBi(b, c);
		const l = seen / (seen + distinct);
		return (l * (tri.get(`${a} ${b} ${c}`) ?? 0)) / seen + (1 - l) * pBi(b, c);
	};
	return { pUni, pBi, pTri };
}

const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

describe('/ngram', () => {
	it('GIVEN “To be, or not to” THEN each count model’s context counts and top three tokens are the recount’s', async () => {
		const reply = await runForReply(ngram, { prompt: 'To be, or not to' });
		const description = reply.embeds![0]!.description!;
		const tok = model.tokenizer!;
		const ids = tok.encode('To be, or not to');
		const [a, b] = ids.slice(-2) as [number, number];
		const { pUni, pBi, pTri } = models();
		const label = (id: number) => `\`${displayToken(tok.decode([id]), tok.tokenBytes(id))}\``;
		const top3 = (p: (c: number) => number) =>
			Array.from({ length: V }, (_, c) => c)
				.sort((x, y) => p(y) - p(x) || x - y)
				.slice(0, 3);
		const line = (name: string) => description.split('\n').find((l) => l.startsWith(`**${name}**`))!;
		for (const [name, p, counts] of [
			['unigram', pUni, null],
			['bigram', (c: number) => pBi(b, c), bi],
			['trigram', (c: number) => pTri(a, b, c), tri],
		] as const) {
			const shown = top3(p).map((c) => {
				const n = counts?.get(name === 'bigram' ? `${b} ${c}` : `${a} ${b} ${c}`);
				return `${label(c)} ${percent(p(c))}${n ? ` (${n.toLocaleString('en-US')}×)` : ''}`;
			});
			expect(line(name), name).toContain(`: ${shown.join(', ')}`);
		}
		const h2 = history(bi, `${b}`);
		expect(line('bigram')).toContain(
			`seen ${h2.seen.toLocaleString('en-US')}× with ${h2.distinct.toLocaleString('en-US')} different`,
		);
		const h3 = history(tri, `${a} ${b}`);
		expect(line('trigram')).toContain(
			`seen ${h3.seen.toLocaleString('en-US')}× with ${h3.distinct.toLocaleString('en-US')} different`,
		);
		expect(h3.seen).toBeGreaterThan(0);

		// tiny-gpt's panel: the float64 reference forward pass's softmax.
		const dir = path.join(root, 'assets/models/tiny-gpt');
		const manifest = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
		const logits = referenceForward(
			model.config,
			deserializeWeights(manifest, readFileSync(path.join(dir, 'weights.bin'))),
			ids,
		).logits.slice((ids.length - 1) * V);
		const max = Math.max(...logits);
		const sum = logits.reduce((s, x) => s + Math.exp(x - max), 0);
		const pGpt = (c: number) => Math.exp(logits[c]! - max) / sum;
		expect(line('tiny-gpt')).toContain(
			`: ${top3(pGpt)
				.map((c) => `${label(c)} ${percent(pGpt(c))}`)
				.join(', ')}`,
		);
		expect(reply.files![0]!.name).toBe('ngram.png');
		expect(pngSize(reply.files![0]!.data)).not.toBeNull();
	}, 120_000);

	it('GIVEN the held-out text THEN the reply’s cross-entropies are the recount’s, and tiny-gpt’s is the model card’s', async () => {
		const reply = await runForReply(ngram, { prompt: 'The king' });
		const table = /```\n([\s\S]*?)```/.exec(reply.embeds![0]!.description!)![1]!;
		const shown = Object.fromEntries(
			table
				.trim()
				.split('\n')
				.slice(1)
				.map((row) => row.trim().split(/\s+/) as [string, string]),
		);
		const { pUni, pBi, pTri } = models();
		const total = { unigram: 0, bigram: 0, trigram: 0 };
		let n = 0;
		for (const doc of validation) {
			for (let i = 1; i < doc.length; i++) {
				const [x, y, c] = [doc[i - 2], doc[i - 1]!, doc[i]!];
				total.unigram -= Math.log(pUni(c));
				total.bigram -= Math.log(pBi(y, c));
				total.trigram -= Math.log(x === undefined ? pBi(y, c) : pTri(x, y, c));
				n++;
			}
		}
		const card = JSON.parse(readFileSync(path.join(root, 'assets/models/tiny-gpt/metrics.json'), 'utf8')) as {
			validation: Record<string, { natsPerToken: number }> & { tokens: number };
		};
		expect(n).toBe(card.validation.tokens);
		for (const name of ['unigram', 'bigram', 'trigram'] as const) {
			expect(shown[name], name).toBe((total[name] / n).toFixed(3));
			expect(card.validation[name]!.natsPerToken, name).toBeCloseTo(total[name] / n, 9);
		}
		expect(shown['tiny-gpt']).toBe(card.validation.model!.natsPerToken.toFixed(3));
		// Context pays: each model does better on unseen text than the one with less context.
		expect(total.trigram).toBeLessThan(total.bigram);
		expect(Number(shown['tiny-gpt'])).toBeLessThan(total.trigram / n);
	}, 120_000);
});
