import { z } from 'zod';
import { FAMILIES } from '../models/tokenizers/families.js';
import { MODEL_KINDS } from './model-kinds.js';

export { MODEL_KINDS };

/**
 * What a numeric quiz question asks the bot to compute, by kind with parameters. The answer is never stored: the
 * evaluator in `compute.ts` works it out at quiz time, so a wrong number cannot hide in a data file.
 * Parameter names follow the papers' notation (`d_model`, `d_k`, `d_ff`) so a question reads like its formula.
 */
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const vector = z.array(finite).min(1, 'expected at least one number');
const logits = z.array(finite).min(2, 'expected at least two logits');
const index = z.number().int().min(0);
const positiveInt = z.number().int().min(1);
const temperature = z
	.number()
	.gt(0, 'temperature must be > 0 (0 is greedy: ask about that in words)')
	.max(10)
	.optional();
const encoding = z.enum(['gpt2', 'gpt-4', 'gpt-4o']);
/** Any tokenizer /tokenize knows: OpenAI's three and the other model families. */
const family = z.enum(FAMILIES);

const parameterCount = z.discriminatedUnion('layer', [
	z.strictObject({
		kind: z.literal('parameter-count'),
		/** Q, K, V and output projections, each d_model × d_model (+ bias, on unless `bias: false`); the head count does not change it. */
		layer: z.literal('multi-head-attention'),
		d_model: positiveInt,
		heads: positiveInt,
		bias: z.boolean().optional(),
	}),
	z.strictObject({
		kind: z.literal('parameter-count'),
		/** Two linear maps d_model → d_ff → d_model (+ biases). */
		layer: z.literal('ffn'),
		d_model: positiveInt,
		d_ff: positiveInt,
		bias: z.boolean().optional(),
	}),
	z.strictObject({
		kind: z.literal('parameter-count'),
		layer: z.literal('embedding'),
		vocab: positiveInt,
		d_model: positiveInt,
	}),
	/** Gain and bias, one each per feature. */
	z.strictObject({ kind: z.literal('parameter-count'), layer: z.literal('layer-norm'), d_model: positiveInt }),
]);

// No zod defaults: a parsed computation must equal what the file says, so that the check "every number in the
// computation appears in the question's prompt" sees only the numbers an author wrote. Defaults live in compute.ts.
export const computationSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('softmax-probability'), logits, temperature, index }),
	z.strictObject({ kind: z.literal('top-k-probability'), logits, k: positiveInt, temperature, index }),
	z.strictObject({ kind: z.literal('top-p-set-size'), logits, p: z.number().gt(0).max(1), temperature }),
	z.strictObject({ kind: z.literal('min-p-set-size'), logits, min_p: z.number().gt(0).max(1), temperature }),
	z.strictObject({ kind: z.literal('entropy'), logits, temperature }),
	z.strictObject({ kind: z.literal('dot-product'), a: vector, b: vector }),
	z.strictObject({ kind: z.literal('cosine'), a: vector, b: vector }),
	z.strictObject({ kind: z.literal('euclidean-distance'), a: vector, b: vector }),
	z.strictObject({ kind: z.literal('vector-norm'), v: vector }),
	z.strictObject({
		kind: z.literal('scaled-dot-product-attention-weight'),
		q: vector,
		keys: z.array(vector).min(1),
		index,
		d_k: positiveInt.optional(),
	}),
	z.strictObject({
		kind: z.literal('attention-output'),
		q: vector,
		keys: z.array(vector).min(1),
		values: z.array(vector).min(1),
		component: index,
		d_k: positiveInt.optional(),
	}),
	z.strictObject({
		kind: z.literal('positional-encoding'),
		pos: z.number().int().min(0),
		i: z.number().int().min(0),
		d_model: positiveInt,
		/** sin gives PE(pos, 2i), cos gives PE(pos, 2i+1), as in Vaswani et al. (2017), section 3.5. */
		component: z.enum(['sin', 'cos']),
	}),
	z.strictObject({ kind: z.literal('positional-wavelength'), i: z.number().int().min(0), d_model: positiveInt }),
	z.strictObject({ kind: z.literal('token-count'), text: z.string().min(1), encoding }),
	/** How many more tokens `more` needs than `fewer` for the same text (negative when it needs fewer). */
	z.strictObject({
		kind: z.literal('token-count-difference'),
		text: z.string().min(1),
		more: family,
		fewer: family,
	}),
	/**
	 * The total natural-log probability of the best sequence a beam search of `width` finds over `tokens` tokens
	 * after `prompt` with tiny-gpt, as /sample strategy:beam shows it (width 1 is greedy decoding).
	 */
	z.strictObject({
		kind: z.literal('beam-score'),
		prompt: z.string().min(1),
		width: z.number().int().min(1).max(8),
		tokens: z.number().int().min(1).max(20),
	}),
	/**
	 * The probability the `model` n-gram (counted on tiny-gpt's training text in its tokens, smoothed as /ngram
	 * smooths it) gives the one-token `next` after `prompt`: the bar /ngram prompt:… shows in that model's panel.
	 */
	z.strictObject({
		kind: z.literal('ngram-probability'),
		prompt: z.string().min(1),
		next: z.string().min(1),
		model: z.enum(['unigram', 'bigram', 'trigram']),
	}),
	z.strictObject({
		kind: z.literal('word-cosine'),
		a: z.string().regex(/^[a-z]+$/, 'expected one lowercase English word'),
		b: z.string().regex(/^[a-z]+$/, 'expected one lowercase English word'),
	}),
	parameterCount,
	z.strictObject({ kind: z.literal('head-dimension'), d_model: positiveInt, heads: positiveInt }),
	z.strictObject({
		kind: z.literal('attention-matrix-entries'),
		seq_len: positiveInt,
		heads: positiveInt.optional(),
		layers: positiveInt.optional(),
	}),
	z.strictObject({ kind: z.literal('activation'), fn: z.enum(['relu', 'gelu', 'gelu-tanh', 'silu']), x: finite }),
	z.strictObject({
		kind: z.literal('layer-norm'),
		x: z.array(finite).min(2),
		index,
		epsilon: z.number().min(0).optional(),
	}),
	z.strictObject({ kind: z.literal('gradient-product'), factors: vector, residual: z.boolean() }),
	z.strictObject({ kind: z.literal('repeated-trials'), p: z.number().min(0).max(1), n: positiveInt }),
	z.strictObject({ kind: z.literal('predicted-rating'), similarities: vector, ratings: vector }),
	z.strictObject({ kind: z.literal('utf8-bytes'), text: z.string().min(1) }),
]);

export type Computation = z.infer<typeof computationSchema>;
export type ComputationKind = Computation['kind'];

// Checked here, where the kinds are defined (model-kinds.ts stays free of zod for the worker threads).
MODEL_KINDS satisfies readonly ComputationKind[];

/**
 * Cross-field checks a zod shape cannot express: indices in range and vectors of matching length. Returns
 * `[path inside the computation, reason]` pairs.
 */
export function checkComputation(c: Computation): [(string | number)[], string][] {
	const problems: [(string | number)[], string][] = [];
	const sameLength = (a: readonly unknown[], b: readonly unknown[], at: string, what: string) => {
		if (a.length !== b.length)
			problems.push([[at], `${what}: expected the same length, got ${a.length} and ${b.length}`]);
	};
	switch (c.kind) {
		case 'softmax-probability':
		case 'top-k-probability':
			if (c.index >= c.logits.length)
				problems.push([['index'], `index ${c.index} is past the last of ${c.logits.length} logits`]);
			break;
		case 'dot-product':
		case 'cosine':
		case 'euclidean-distance':
			sameLength(c.a, c.b, 'b', 'a and b');
			break;
		case 'scaled-dot-product-attention-weight':
		case 'attention-output':
			c.keys.forEach((key, j) => {
				if (key.length !== c.q.length)
					problems.push([['keys', j], `key ${j} has ${key.length} numbers, q has ${c.q.length}`]);
			});
			if (c.kind === 'scaled-dot-product-attention-weight' && c.index >= c.keys.length) {
				problems.push([['index'], `index ${c.index} is past the last of ${c.keys.length} keys`]);
			}
			if (c.kind === 'attention-output') {
				sameLength(c.keys, c.values, 'values', 'keys and values');
				if (c.values.some((v) => c.component >= v.length))
					problems.push([['component'], `component ${c.component} is past the end of a value vector`]);
			}
			break;
		case 'positional-encoding':
			if (2 * c.i + (c.component === 'cos' ? 1 : 0) >= c.d_model)
				problems.push([['i'], `dimension ${c.component === 'cos' ? '2i+1' : '2i'} is past d_model = ${c.d_model}`]);
			break;
		case 'positional-wavelength':
			if (2 * c.i >= c.d_model) problems.push([['i'], `2i = ${2 * c.i} is past d_model = ${c.d_model}`]);
			break;
		case 'parameter-count':
			if (c.layer === 'multi-head-attention' && c.d_model % c.heads !== 0)
				problems.push([['heads'], `d_model ${c.d_model} is not divisible by ${c.heads} heads`]);
			break;
		case 'head-dimension':
			if (c.d_model % c.heads !== 0)
				problems.push([['heads'], `d_model ${c.d_model} is not divisible by ${c.heads} heads`]);
			break;
		case 'layer-norm':
			if (c.index >= c.x.length)
				problems.push([['index'], `index ${c.index} is past the last of ${c.x.length} features`]);
			break;
		case 'predicted-rating':
			sameLength(c.similarities, c.ratings, 'ratings', 'similarities and ratings');
			break;
		default:
			break;
	}
	return problems;
}
