import type { TopToken } from '../../models/transformer/index.js';
import { rowOf } from '../ffn/analysis.js';
import type { PlainWeights } from '../ffn/weights.js';
import { lensReading, type LensReading } from './lens.js';
import type { ModelToken } from './model-text.js';

/** Tokens listed per depth and position in the logit lens. */
export const LENS_TOP = 3;

/** Which sub-layer wrote an update: layer (0-based) and attention or FFN. */
export interface Update {
	layer: number;
	kind: 'attention' | 'ffn';
	position: number;
	norm: number;
	/** The update's norm over the norm of the stream it was added to. */
	ratio: number;
}

/** Everything /residual shows, from one traced forward pass. */
export interface ResidualData {
	tokens: ModelToken[];
	layers: number;
	dModel: number;
	/** stream[depth][t]: ‖x‖ entering layer `depth` (depth = layers: the final stream). */
	stream: number[][];
	/** attention[layer][t], ffn[layer][t]: ‖what the sub-layer added‖. */
	attention: number[][];
	ffn: number[][];
	/** Means over the tokens of the same. */
	means: { stream: number[]; attention: number[]; ffn: number[] };
	/** The update that changed its token most, relative to the stream it was added to. */
	biggest: Update;
	/** lens[depth][t]: the top tokens when the stream after `depth` layers is read out (depth 0: the embeddings alone). */
	lens: TopToken[][][];
	/** For the last position: the output's most likely next token, and its probability and rank at every depth. */
	last: { final: TopToken; byDepth: LensReading[]; formsAt: number | null };
}

/** The norms and lens arrays of a traced pass, as the trace API gives them. */
export interface StreamTrace {
	norms: {
		residualPre: ArrayLike<number>[];
		attnOut: ArrayLike<number>[];
		ffnOut: ArrayLike<number>[];
		residualFinal: ArrayLike<number>;
	};
	residualPre: ArrayLike<number>[];
	attnOut: ArrayLike<number>[];
	residualFinal: ArrayLike<number>;
	logitLens: TopToken[][][];
}

/** ‖x + a‖ at position t of layer l: the stream the FFN reads, after attention added its part. */
function afterAttentionNorm(trace: StreamTrace, l: number, t: number, d: number): number {
	let s = 0;
	for (let j = 0; j < d; j++) s += (trace.residualPre[l]![t * d + j]! + trace.attnOut[l]![t * d + j]!) ** 2;
	return Math.sqrt(s);
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Builds {@link ResidualData} from a traced pass over `tokens`; the weights read the last position at every depth. */
export function residualData(tokens: ModelToken[], trace: StreamTrace, weights: PlainWeights): ResidualData {
	const { nLayers: layers, dModel: d } = weights.config;
	const n = tokens.length;
	const arr = (a: ArrayLike<number>): number[] => Array.from({ length: n }, (_, t) => a[t]!);
	const stream = [...trace.norms.residualPre.map(arr), arr(trace.norms.residualFinal)];
	const attention = trace.norms.attnOut.map(arr);
	const ffn = trace.norms.ffnOut.map(arr);
	let biggest: Update | null = null;
	for (let l = 0; l < layers; l++) {
		for (let t = 0; t < n; t++) {
			// Attention is added to the stream entering the layer (x); the FFN to the stream after attention (x + a).
			const candidates: Update[] = [
				{
					layer: l,
					kind: 'attention',
					position: t,
					norm: attention[l]![t]!,
					ratio: attention[l]![t]! / stream[l]![t]!,
				},
				{
					layer: l,
					kind: 'ffn',
					position: t,
					norm: ffn[l]![t]!,
					ratio: ffn[l]![t]! / afterAttentionNorm(trace, l, t, d),
				},
			];
			for (const c of candidates) if (!biggest || c.ratio > biggest.ratio) biggest = c;
		}
	}
	const depths = layers + 1;
	const final = trace.logitLens[layers]![n - 1]![0]!;
	const vectors = [...trace.residualPre, trace.residualFinal];
	const byDepth = Array.from({ length: depths }, (_, depth) =>
		lensReading(weights, rowOf(vectors[depth]!, n - 1, d), final.id),
	);
	// The depth from which the final prediction is the top token and stays so.
	let formsAt: number | null = null;
	for (let depth = layers; depth >= 0 && byDepth[depth]!.rank === 1; depth--) formsAt = depth;
	return {
		tokens,
		layers,
		dModel: d,
		stream,
		attention,
		ffn,
		means: { stream: stream.map(mean), attention: attention.map(mean), ffn: ffn.map(mean) },
		biggest: biggest!,
		lens: trace.logitLens.map((depth) => depth.map((top) => top.slice(0, LENS_TOP))),
		last: { final, byDepth, formsAt },
	};
}
