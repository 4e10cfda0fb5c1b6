import type { PureComputation } from '../curriculum/index.js';
import { applyFilters, logSoftmax, softmax } from '../models/sampling/index.js';
import { layerNorm } from '../curriculum/compute.js';

/**
 * A number as the worked answer prints it: integers whole (with thin grouping), others with four significant
 * digits, very small or large ones in scientific notation. The member's answer is judged against the exact value;
 * these are the steps to follow, not the value compared.
 */
export function num(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString('en-US').replace(/-/g, '−');
	const a = Math.abs(x);
	const text = a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(3) : String(Number(x.toPrecision(4)));
	return text.replace(/^-/, '−');
}

const list = (xs: ArrayLike<number>): string => `[${Array.from(xs, num).join(', ')}]`;
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** softmax lines: e^(z/T) for each logit and their sum. */
function softmaxLines(logits: readonly number[], temperature: number): { lines: string[]; probs: Float64Array } {
	const scaled = logits.map((z) => z / temperature);
	const exps = scaled.map(Math.exp);
	const probs = softmax(scaled);
	const lines = [
		...(temperature !== 1 ? [`Divide by T = ${num(temperature)}: z/T = ${list(scaled)}`] : []),
		`e^(z/T) = ${list(exps)}, sum ${num(sum(exps))}`,
		`Probabilities = e^(z/T) / sum = ${list(probs)}`,
	];
	return { lines, probs };
}

function attentionLines(
	q: readonly number[],
	keys: readonly (readonly number[])[],
	dk: number | undefined,
): { lines: string[]; weights: Float64Array } {
	const d = dk ?? q.length;
	const scores = keys.map((k) => sum(q.map((x, i) => x * (k[i] ?? 0))) / Math.sqrt(d));
	const weights = softmax(scores);
	return {
		lines: [`Scores q·kⱼ / √${d} = ${list(scores)}`, `Weights = softmax(scores) = ${list(weights)}`],
		weights,
	};
}

/**
 * How the bot worked out a numeric question's answer, step by step with the question's own numbers, for the
 * feedback a member sees after answering. Model-backed kinds (token counts, word cosines) get their lines from the
 * model task (see src/quiz/numeric.ts). The last line states the result.
 */
export function workingLines(c: PureComputation, value: number): string[] {
	const result = `= **${num(value)}**`;
	switch (c.kind) {
		case 'softmax-probability': {
			const { lines } = softmaxLines(c.logits, c.temperature ?? 1);
			return [...lines, `p[${c.index}] ${result}`];
		}
		case 'top-k-probability': {
			const steps = applyFilters(c.logits, { temperature: c.temperature ?? 1, topK: c.k }).steps;
			const { lines } = softmaxLines(c.logits, c.temperature ?? 1);
			const kept = steps[1]!.kept;
			return [
				...lines,
				`Keep the top ${c.k}: tokens ${kept.join(', ')}; renormalise over them`,
				`p[${c.index}] after top-k ${result}`,
			];
		}
		case 'top-p-set-size': {
			const { lines } = softmaxLines(c.logits, c.temperature ?? 1);
			const step = applyFilters(c.logits, { temperature: c.temperature ?? 1, topP: c.p }).steps[2]!;
			const order = step.order ?? [];
			const cumulative = Array.from(step.cumulative ?? []);
			return [
				...lines,
				`Sorted, the running sum is ${list(cumulative)} (tokens ${order.join(', ')})`,
				`The first sum ≥ p = ${num(c.p)} keeps ${result} tokens`,
			];
		}
		case 'min-p-set-size': {
			const { lines, probs } = softmaxLines(c.logits, c.temperature ?? 1);
			const max = Math.max(...probs);
			return [
				...lines,
				`Threshold = min_p × p_max = ${num(c.min_p)} × ${num(max)} = ${num(c.min_p * max)}`,
				`Tokens at or above it ${result}`,
			];
		}
		case 'entropy': {
			const { lines, probs } = softmaxLines(c.logits, c.temperature ?? 1);
			const logp = logSoftmax(c.logits.map((z) => z / (c.temperature ?? 1)));
			const terms = Array.from(probs, (p, i) => (p > 0 ? (-p * logp[i]!) / Math.LN2 : 0));
			return [...lines, `−p·log₂p per token = ${list(terms)}`, `H = sum ${result} bits`];
		}
		case 'dot-product':
			return [`a·b = ${c.a.map((x, i) => `${num(x)}×${num(c.b[i] ?? 0)}`).join(' + ')}`, result];
		case 'cosine': {
			const dot = sum(c.a.map((x, i) => x * (c.b[i] ?? 0)));
			const na = Math.hypot(...c.a);
			const nb = Math.hypot(...c.b);
			return [
				`a·b = ${num(dot)}, ‖a‖ = ${num(na)}, ‖b‖ = ${num(nb)}`,
				`cos = a·b / (‖a‖ ‖b‖) = ${num(dot)} / (${num(na)} × ${num(nb)}) ${result}`,
			];
		}
		case 'euclidean-distance': {
			const squares = c.a.map((x, i) => (x - (c.b[i] ?? 0)) ** 2);
			return [`(aᵢ − bᵢ)² = ${list(squares)}, sum ${num(sum(squares))}`, `√${num(sum(squares))} ${result}`];
		}
		case 'vector-norm': {
			const squares = c.v.map((x) => x * x);
			return [`vᵢ² = ${list(squares)}, sum ${num(sum(squares))}`, `‖v‖ = √${num(sum(squares))} ${result}`];
		}
		case 'scaled-dot-product-attention-weight': {
			const { lines } = attentionLines(c.q, c.keys, c.d_k);
			return [...lines, `Weight of key ${c.index} ${result}`];
		}
		case 'attention-output': {
			const { lines, weights } = attentionLines(c.q, c.keys, c.d_k);
			const terms = c.values.map((v, j) => `${num(weights[j]!)}×${num(v[c.component] ?? 0)}`);
			return [...lines, `Output[${c.component}] = Σ wⱼ vⱼ[${c.component}] = ${terms.join(' + ')} ${result}`];
		}
		case 'positional-encoding': {
			const angle = c.pos / 10000 ** ((2 * c.i) / c.d_model);
			return [
				`angle = pos / 10000^(2i/d_model) = ${c.pos} / 10000^(${2 * c.i}/${c.d_model}) = ${num(angle)}`,
				`${c.component}(${num(angle)}) ${result}`,
			];
		}
		case 'positional-wavelength':
			return [`wavelength = 2π × 10000^(2i/d_model) = 2π × 10000^(${2 * c.i}/${c.d_model})`, result];
		case 'parameter-count': {
			const bias = c.layer === 'multi-head-attention' || c.layer === 'ffn' ? (c.bias ?? true) : false;
			switch (c.layer) {
				case 'multi-head-attention':
					return [
						`4 projections (Q, K, V, output) of ${c.d_model} × ${c.d_model}${bias ? ` plus 4 biases of ${c.d_model}` : ''}: 4×${c.d_model}²${bias ? ` + 4×${c.d_model}` : ''}`,
						result,
					];
				case 'ffn':
					return [
						`Two matrices ${c.d_model} × ${c.d_ff}${bias ? ` plus biases ${c.d_ff} and ${c.d_model}` : ''}: 2×${c.d_model}×${c.d_ff}${bias ? ` + ${c.d_ff} + ${c.d_model}` : ''}`,
						result,
					];
				case 'embedding':
					return [`One row of ${c.d_model} per token: ${c.vocab} × ${c.d_model}`, result];
				case 'layer-norm':
					return [`A gain and a bias per feature: 2 × ${c.d_model}`, result];
			}
			break;
		}
		case 'head-dimension':
			return [`d_model / heads = ${c.d_model} / ${c.heads}`, result];
		case 'attention-matrix-entries':
			return [`seq_len² × heads × layers = ${c.seq_len}² × ${c.heads ?? 1} × ${c.layers ?? 1}`, result];
		case 'activation': {
			const formula = {
				'relu': 'max(0, x)',
				'gelu': 'x·Φ(x)',
				'gelu-tanh': '0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))',
				'silu': 'x·σ(x) = x / (1 + e^(−x))',
			}[c.fn];
			return [`${c.fn}(x) = ${formula} at x = ${num(c.x)}`, result];
		}
		case 'layer-norm': {
			const mean = sum(c.x) / c.x.length;
			const variance = sum(c.x.map((v) => (v - mean) ** 2)) / c.x.length;
			const eps = c.epsilon ?? 1e-5;
			const normed = layerNorm(c.x, eps);
			return [
				`mean μ = ${num(mean)}, variance σ² = ${num(variance)}, ε = ${num(eps)}`,
				`(x − μ) / √(σ² + ε) = ${list(normed)}`,
				`x̂[${c.index}] ${result}`,
			];
		}
		case 'gradient-product':
			return [
				c.residual
					? `Π (1 + fᵢ) = ${c.factors.map((f) => `(1 + ${num(f)})`).join(' × ')}`
					: `Π fᵢ = ${c.factors.map(num).join(' × ')}`,
				result,
			];
		case 'repeated-trials':
			return [`1 − (1 − p)ⁿ = 1 − (1 − ${num(c.p)})^${c.n} = 1 − ${num((1 - c.p) ** c.n)}`, result];
		case 'predicted-rating': {
			const top = sum(c.similarities.map((s, j) => s * (c.ratings[j] ?? 0)));
			const bottom = sum(c.similarities.map(Math.abs));
			return [`Σ sⱼ rⱼ = ${num(top)}, Σ |sⱼ| = ${num(bottom)}`, `r̂ = ${num(top)} / ${num(bottom)} ${result}`];
		}
		case 'utf8-bytes': {
			const bytes = [...c.text].map((ch) => `${ch === ' ' ? '␠' : ch}:${new TextEncoder().encode(ch).length}`);
			return [`Bytes per character: ${bytes.join(' ')}`.slice(0, 400), result];
		}
	}
	return [result];
}
