/**
 * Recomputes the n-gram rows of a model's card on the same validation targets as the training run: the unigram and
 * bigram (which must equal the figures the run wrote) and the trigram, added after the run. Writes metrics.json and
 * regenerates README.md and loss.png. `npx tsx scripts/ngram-baselines.ts [name]`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	bigramBaseline,
	documentTargets,
	trigramBaseline,
	unigramBaseline,
} from '../src/models/transformer/baselines.js';
import { readCorpusSplits, tokenizeSplits } from '../src/models/transformer/dataset.js';
import { bitsPerByte } from '../src/models/transformer/evaluate.js';
import { loadTinyGpt } from '../src/models/transformer/index.js';
import { writeModelCard, type TrainingHistory, type TrainingMetrics } from './model-card.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
	const name = process.argv[2] ?? 'tiny-gpt';
	const dir = path.join(ROOT, 'assets/models', name);
	const metrics = JSON.parse(await readFile(path.join(dir, 'metrics.json'), 'utf8')) as TrainingMetrics;
	const history = JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')) as TrainingHistory;
	const model = await loadTinyGpt(name);
	const tokenizer = model.tokenizer!;
	const data = tokenizeSplits(tokenizer, await readCorpusSplits(path.join(ROOT, 'assets/corpus')));
	const targets = documentTargets(data.validation);
	const bytes = targets.reduce((n, { target }) => n + tokenizer.tokenBytes(target).length, 0);
	const v = metrics.validation;
	if (targets.length !== v.tokens || bytes !== v.bytes)
		throw new Error(`targets ${targets.length} / ${bytes} bytes, the card has ${v.tokens} / ${v.bytes}`);
	const vocab = metrics.config.vocabSize;
	for (const [label, result, card] of [
		['unigram', unigramBaseline(data.train, vocab, targets), v.unigram],
		['bigram', bigramBaseline(data.train, vocab, targets), v.bigram],
	] as const) {
		if (Math.abs(result.natsPerToken - card.natsPerToken) > 1e-9)
			throw new Error(`${label}: ${result.natsPerToken} here, ${card.natsPerToken} on the card`);
	}
	const trigram = trigramBaseline(data.train, vocab, targets);
	v.trigram = { natsPerToken: trigram.natsPerToken, bitsPerByte: bitsPerByte(trigram.totalNats, bytes) };
	await writeFile(path.join(dir, 'metrics.json'), `${JSON.stringify(metrics, null, '\t')}\n`);
	await writeModelCard(dir, metrics, history);
	process.stderr.write(`${name}: trigram ${JSON.stringify(v.trigram)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
