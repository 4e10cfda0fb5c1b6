import type { ModelToken } from '../residual/model-text.js';
import { cosineSimilarity } from '../../models/vector-math.js';
import { countAbove, ffnAt, firstRepeat, maxAbsDiff, rowOf, topUnits, type UnitValue } from './analysis.js';
import type { TopExample, TopExamples } from './top-examples.js';
import type { PlainWeights } from './weights.js';

/** Units listed per token in the reply. */
export const UNITS_PER_TOKEN = 3;
/** Units compared for a repeated token. */
export const UNITS_COMPARED = 5;
/** "Strongly active": a unit above this activation (GELU outputs range from about −0.17 upwards). */
export const STRONG = 1;
/** Columns of the heatmap at most. */
export const CHART_UNITS_MAX = 36;

/** A unit the reply explains, with where it peaked in the member's text and what fires it in the corpus. */
export interface ExplainedUnit {
	unit: number;
	peak: number;
	/** The token position of the peak. */
	peakAt: number;
	examples: TopExample[];
}

/** One token in two contexts: the same function, different inputs. */
export interface RepeatComparison {
	token: ModelToken;
	positions: [number, number];
	/** Cosines between the two positions: the stream entering the layer, the FFN's input (after attention and LayerNorm), its output. */
	streamCosine: number;
	inputCosine: number;
	outputCosine: number;
	top: [UnitValue[], UnitValue[]];
	/** The union of both top lists, and every one of those units' activations at both positions. */
	units: number[];
	values: [number[], number[]];
}

/** Everything /ffn shows, computed from one traced forward pass and the weights. */
export interface FfnData {
	layer: number;
	layers: number;
	dFF: number;
	dModel: number;
	tokens: ModelToken[];
	/** Per token: its most active units, how many units are above {@link STRONG}, and the length of the FFN's output (what it adds to the stream). */
	perToken: { top: UnitValue[]; strong: number; outNorm: number }[];
	/** Units that are some token's most active one, by their peak, strongest first. */
	explained: ExplainedUnit[];
	/** The heatmap: these units (columns) × every token (rows). */
	chartUnits: number[];
	chartValues: number[][];
	/** Each position's FFN recomputed alone from its own vector: the largest difference from the full pass. */
	check: { maxDiff: number; maxOutput: number; hiddenMaxDiff: number };
	repeat: RepeatComparison | null;
}

/** What a traced forward pass gives for the layer (row-major [T · width] arrays). */
export interface LayerTrace {
	residualPre: ArrayLike<number>;
	attnOut: ArrayLike<number>;
	ffnHidden: ArrayLike<number>;
	ffnOut: ArrayLike<number>;
}

/** Builds {@link FfnData} for layer `layer` (0-based) from the trace, the weights and the corpus examples. */
export function ffnData(
	tokens: ModelToken[],
	layer: number,
	trace: LayerTrace,
	weights: PlainWeights,
	examples: TopExamples,
): FfnData {
	const { dModel: d, dFF, nLayers } = weights.config;
	const n = tokens.length;
	const perToken = tokens.map((_, t) => ({
		top: topUnits(trace.ffnHidden, t, dFF, UNITS_PER_TOKEN),
		strong: countAbove(trace.ffnHidden, t, dFF, STRONG),
		outNorm: Math.sqrt(rowOf(trace.ffnOut, t, d).reduce((s, v) => s + v * v, 0)),
	}));

	const peakOf = (unit: number): { peak: number; peakAt: number } => {
		let peakAt = 0;
		for (let t = 1; t < n; t++)
			if (trace.ffnHidden[t * dFF + unit]! > trace.ffnHidden[peakAt * dFF + unit]!) peakAt = t;
		return { peak: trace.ffnHidden[peakAt * dFF + unit]!, peakAt };
	};
	const firsts = [...new Set(perToken.map((p) => p.top[0]!.unit))];
	const explained = firsts
		.map((unit) => ({ unit, ...peakOf(unit), examples: examples(layer, unit) }))
		.sort((a, b) => b.peak - a.peak || a.unit - b.unit);

	// Columns in order of first appearance down the tokens, so each token's units sit near its row.
	const chartUnits = [...new Set(perToken.flatMap((p) => p.top.map((u) => u.unit)))].slice(0, CHART_UNITS_MAX);
	const chartValues = tokens.map((_, t) => chartUnits.map((u) => trace.ffnHidden[t * dFF + u]!));

	// The FFN at every position, recomputed from that position's vector alone: x = stream + attention's output.
	const mids = tokens.map((_, t) => rowOf(trace.residualPre, t, d).map((v, j) => v + trace.attnOut[t * d + j]!));
	const steps = mids.map((x) => ffnAt(weights, layer, x));
	let maxDiff = 0;
	let hiddenMaxDiff = 0;
	let maxOutput = 0;
	steps.forEach((step, t) => {
		maxDiff = Math.max(maxDiff, maxAbsDiff(step.output, rowOf(trace.ffnOut, t, d)));
		hiddenMaxDiff = Math.max(hiddenMaxDiff, maxAbsDiff(step.hidden, rowOf(trace.ffnHidden, t, dFF)));
		for (const v of step.output) maxOutput = Math.max(maxOutput, Math.abs(v));
	});

	const pair = firstRepeat(tokens);
	let repeat: RepeatComparison | null = null;
	if (pair) {
		const [i, j] = pair;
		const top: [UnitValue[], UnitValue[]] = [
			topUnits(trace.ffnHidden, i, dFF, UNITS_COMPARED),
			topUnits(trace.ffnHidden, j, dFF, UNITS_COMPARED),
		];
		const units = [...new Set([...top[0], ...top[1]].map((u) => u.unit))];
		repeat = {
			token: tokens[i]!,
			positions: [i, j],
			streamCosine: cosineSimilarity(rowOf(trace.residualPre, i, d), rowOf(trace.residualPre, j, d)),
			inputCosine: cosineSimilarity(steps[i]!.input, steps[j]!.input),
			outputCosine: cosineSimilarity(rowOf(trace.ffnOut, i, d), rowOf(trace.ffnOut, j, d)),
			top,
			units,
			values: [units.map((u) => trace.ffnHidden[i * dFF + u]!), units.map((u) => trace.ffnHidden[j * dFF + u]!)],
		};
	}
	return {
		layer,
		layers: nLayers,
		dFF,
		dModel: d,
		tokens,
		perToken,
		explained,
		chartUnits,
		chartValues,
		check: { maxDiff, maxOutput, hiddenMaxDiff },
		repeat,
	};
}
