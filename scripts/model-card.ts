/**
 * Writes assets/models/<name>/README.md and loss.png from metrics.json and history.json. Called at the end of
 * `npm run train`; can be re-run alone: `npx tsx scripts/model-card.ts [name]`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModelConfig } from '../src/models/transformer/config.js';
import type { TrainingConfig } from '../src/models/transformer/schedule.js';
import { renderLossChart } from './model-loss-chart.js';

export interface TrainingHistory {
	/** [step, training loss of that step's batch] */
	train: [number, number][];
	/** [step, validation loss on the periodic subset] */
	validation: [number, number][];
}

interface Score {
	natsPerToken: number;
	bitsPerByte: number;
}

export interface TrainingMetrics {
	name: string;
	backend: string;
	parameters: number;
	config: ModelConfig;
	training: TrainingConfig & { stepsDone?: number; trainTokens: number; wallSeconds: number };
	/** Mean training loss over the last 50 steps. */
	finalTrainLoss: number;
	/** `trigram` was added after the run (scripts/ngram-baselines.ts); runs before it have none. */
	validation: { tokens: number; bytes: number; model: Score; unigram: Score; bigram: Score; trigram?: Score };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Renders loss.png and README.md into `outDir`. */
export async function writeModelCard(
	outDir: string,
	metrics: TrainingMetrics,
	history: TrainingHistory,
): Promise<void> {
	const v = metrics.validation;
	const png = await renderLossChart({
		title: `${metrics.name}: loss while training`,
		subtitle: `${metrics.parameters.toLocaleString('en-US')} parameters, ${metrics.config.nLayers} layers, d_model ${metrics.config.dModel}, batch ${metrics.training.batchSize} × ${metrics.config.contextLength} tokens`,
		footer: 'Validation points use a fixed subset of 32 validation windows; the baselines use every validation token.',
		train: history.train,
		validation: history.validation,
		baselines: [
			...(v.trigram ? [{ label: 'trigram baseline', value: v.trigram.natsPerToken, color: '#d97706' }] : []),
			{ label: 'bigram baseline', value: v.bigram.natsPerToken, color: '#059669' },
			{ label: 'unigram baseline', value: v.unigram.natsPerToken, color: '#9ca3af' },
		],
	});
	await writeFile(path.join(outDir, 'loss.png'), png);
	// notes.md, if present, is written by hand: what happened during this particular run.
	const notes = await readFile(path.join(outDir, 'notes.md'), 'utf8').catch(() => '');
	await writeFile(path.join(outDir, 'README.md'), modelCard(metrics) + (notes ? `\n## Run notes\n${notes}` : ''));
}

function modelCard(m: TrainingMetrics): string {
	const c = m.config;
	const t = m.training;
	const v = m.validation;
	const row = (label: string, s: Score): string =>
		`| ${label} | ${s.natsPerToken.toFixed(3)} | ${s.bitsPerByte.toFixed(3)} | ${Math.exp(s.natsPerToken).toFixed(1)} |`;
	const minutes = (t.wallSeconds / 60).toFixed(1);
	return `# ${m.name}: a tiny GPT trained on this machine

A decoder-only transformer trained from scratch by \`npm run train\` (scripts/train.ts) for the study group's
teaching demos (attention maps, sampling, FFN neurons, logit lens). It is small and weak on purpose: every
number it produces can be recomputed by hand (\`src/models/transformer/reference.ts\` does it in float64 loops).

## Architecture
- GPT-2 style, pre-norm: token embedding + learnt position embedding → ${c.nLayers} blocks of
  [LayerNorm → ${c.nHeads}-head causal self-attention → residual add; LayerNorm → FFN (${c.dModel} → ${c.dFF}, GELU tanh
  approximation → ${c.dModel}) → residual add] → final LayerNorm → output head tied to the token embedding.
- d_model ${c.dModel}, ${c.nHeads} heads of ${c.dModel / c.nHeads}, context ${c.contextLength} tokens, vocabulary ${c.vocabSize}.
- **${m.parameters.toLocaleString('en-US')} parameters** (the tied head adds none), stored as little-endian float32 in
  \`weights.bin\` (index and config in \`model.json\`).
- LayerNorm ε = 1e-5; attention scores scaled by 1/√${c.dModel / c.nHeads}; future positions masked with −1e9 before softmax.

## Tokenizer
Our own byte-level BPE (\`src/models/bpe-train/\`), trained on the training split only: GPT-2's pretokenizer regex,
${c.vocabSize - 1} mergeable tokens (256 bytes + ${c.vocabSize - 257} merges, most frequent pair first, ties to the smaller
pair of ranks) plus \`<|endoftext|>\` = ${c.vocabSize - 1}, which separates the two documents in the training stream.
Stored in tiktoken's format: \`tokenizer.tiktoken\` (base64 bytes and rank per line) and \`tokenizer.json\`
(pattern and special tokens); encoded with the generic encoder in \`src/models/tokenizers/bpe.ts\`. Being
byte-level, it encodes any text (Korean, emoji) — only less compactly than English.

## Data
Public-domain English prose in \`assets/corpus/\`, copied from the project's shared corpus:

| file | what | source |
|---|---|---|
| tinyshakespeare.txt | Shakespeare's plays, concatenated (1,115,394 bytes) | karpathy/char-rnn, data/tinyshakespeare/input.txt (commit 6f9487a6) |
| warpeace_clean.txt | Tolstoy, War and Peace, Maude translation (3,196,230 bytes) | ZihanDai2005/PSTAT_160B_Final_Project, data/warpeace_input.txt (commit d4c76b91), cut at the novel's last line, BOM removed, CRLF → LF |

Validation is the contiguous last 5% of each file (cut at the first line break after 95% of its characters);
training is the rest: ${t.trainTokens.toLocaleString('en-US')} tokens.

## Training
Seed ${t.seed} (weights by our own mulberry32 + Box–Muller; batches drawn by the same generator), AdamW
(β₁ ${t.optimizer.beta1}, β₂ ${t.optimizer.beta2}, weight decay ${t.optimizer.weightDecay} on matrices, gradient clipping at global norm
${t.optimizer.clipNorm}), ${(t.stepsDone ?? t.steps) === t.steps ? t.steps : `${t.stepsDone} of ${t.steps} planned`} steps of ${t.batchSize} random windows × ${c.contextLength} tokens, learning rate warmed up
linearly to ${t.peakLearningRate} over ${t.warmupSteps} steps, then cosine-decayed to ${t.finalLearningRate}. No dropout.

Backend: TensorFlow.js \`${m.backend}\` (single thread, SIMD), with hand-written gradients for matMul, GELU,
LayerNorm, the embedding and the cross-entropy (see \`src/models/transformer/ops.ts\` for why).
**Wall time on this machine: ${minutes} minutes** (2 shared cores; one used).

### How the size was chosen
Training-step cost at a few sizes (batch 16 × 128 tokens unless noted, vocabulary 4,096, 4 layers, 4 heads;
process CPU time per step, median of 5 after a warm-up step). Measured before the run to pick the size, and
repeated after it with \`npx tsx scripts/model-measure-steps.ts\` on a less loaded machine; the repeat's numbers:

| d_model | context × batch | parameters | CPU ms/step | tokens/s |
|---|---|---|---|---|
| 128 | 128 × 16 | 1,334,016 | 1,817 | 1,127 |
| 192 | 128 × 16 | 2,590,848 | 2,887 | 709 |
| 256 | 128 × 16 | 4,240,896 | 5,563 | 368 |
| 128 | 64 × 32 | 1,325,824 | 1,432 | 1,431 |

Half of a step is the attention's batched matMuls (about 2 GFLOP/s on wasm, against about 20 GFLOP/s for the
2-D matMuls of the projections and the FFN), so width costs more than it would elsewhere. d_model 128 was the only
size that could see the training text several times in about an hour (2,000 steps × 2,048 tokens ≈ 3.4 passes over
the training tokens); context 128 was kept for the attention demos. During the run the machine was shared with other
jobs (load average 3–7 on 2 cores), so steps averaged about 2.2 s of wall time instead of about 1.8 s.

![loss curve](loss.png)

## Validation
Cross-entropy on every validation token that has a predecessor in its document (${v.tokens.toLocaleString('en-US')} tokens,
${v.bytes.toLocaleString('en-US')} bytes), each predicted once from up to ${c.contextLength} tokens of context. The baselines use
the same tokenizer, the same training tokens and exactly the same targets (the trigram takes the two tokens before
each target in its document; the document's second token, with only one before it, falls back to the bigram).
\`/ngram\` shows the three n-gram models' next-token distributions beside this model's.

| model | nats/token | bits/byte | perplexity |
|---|---|---|---|
${row(`${m.name} (this model)`, v.model)}
${v.trigram ? `${row('trigram, Witten–Bell interpolated with the bigram', v.trigram)}\n` : ''}${row('bigram, Witten–Bell interpolated with the unigram', v.bigram)}
${row('unigram, add-one smoothing', v.unigram)}

Final training loss (mean of the last 50 steps): ${m.finalTrainLoss.toFixed(3)} nats/token.
Bits/byte = total nats / ln 2 / UTF-8 bytes of the predicted tokens, so models with other vocabularies compare.

## Files
\`model.json\`, \`weights.bin\`, \`tokenizer.tiktoken\`, \`tokenizer.json\`, \`metrics.json\` (every number above),
\`history.json\` (the loss curve's data), \`loss.png\`, \`ffn-top.json\` (top-activating validation tokens per FFN neuron,
by \`scripts/ffn-top-activations.ts\`).
`;
}

async function main(): Promise<void> {
	const name = process.argv[2] ?? 'tiny-gpt';
	const dir = path.join(ROOT, 'assets/models', name);
	const metrics = JSON.parse(await readFile(path.join(dir, 'metrics.json'), 'utf8')) as TrainingMetrics;
	const history = JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')) as TrainingHistory;
	await writeModelCard(dir, metrics, history);
	process.stderr.write(`wrote ${dir}/README.md and loss.png\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	});
}
