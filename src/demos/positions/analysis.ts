import {
	cosineMatrix,
	distanceBelow,
	dotMatrix,
	meanByDistance,
	mostAlikeApart,
	norm,
	sinusoidalEncoding,
	wavelength,
	type PositionPair,
} from './encoding.js';

/** What one encoding's rows are like: their lengths, and how alike positions are as a function of distance. */
export interface EncodingSummary {
	/** Rows compared. */
	positions: number;
	norms: { min: number; minAt: number; max: number; maxAt: number; mean: number };
	/** Mean cosine of neighbouring positions (distance 1), and the least and most alike neighbouring pair. */
	neighbour: number;
	neighbourRange: [number, number];
	/** curve[k]: mean cosine of positions k apart. */
	curve: number[];
	/** The first distance at which the mean cosine falls below 0.5 (null: never within these positions). */
	halfAt: number | null;
	/** The most alike pair at least {@link PositionsData.farApart} positions apart, by cosine. */
	lookalike: PositionPair | null;
}

/** Everything /positions states in words, computed from the same matrices it draws. */
export interface PositionsData {
	length: number;
	dims: number;
	/** Our model's width and context (the learnt table has contextLength rows of dModel numbers). */
	dModel: number;
	contextLength: number;
	/** Wavelengths of the fastest pair (i = 0) and the slowest (i = d/2 − 1), in positions. */
	fastest: number;
	slowest: number;
	/** A "far apart" pair is at least this many positions apart (an eighth of the length, at least 2). */
	farApart: number;
	sinusoidal: EncodingSummary & { /** PE(p)·PE(p+1), the same for every p. */ neighbourDot: number };
	learnt: EncodingSummary;
}

/** The matrices the charts draw. */
export interface PositionsMatrices {
	encoding: number[][];
	encodingDot: number[][];
	learnt: number[][];
	learntCosine: number[][];
}

function neighbourRange(cos: readonly (readonly number[])[]): [number, number] {
	if (cos.length < 2) return [1, 1];
	const values = cos.slice(1).map((row, p) => row[p]!);
	return [Math.min(...values), Math.max(...values)];
}

function summary(rows: readonly (readonly number[])[], farApart: number): EncodingSummary {
	const norms = rows.map(norm);
	const cos = cosineMatrix(rows);
	const curve = meanByDistance(cos);
	let minAt = 0;
	let maxAt = 0;
	norms.forEach((n, i) => {
		if (n < norms[minAt]!) minAt = i;
		if (n > norms[maxAt]!) maxAt = i;
	});
	return {
		positions: rows.length,
		norms: {
			min: norms[minAt]!,
			minAt,
			max: norms[maxAt]!,
			maxAt,
			mean: norms.reduce((a, b) => a + b, 0) / norms.length,
		},
		neighbour: curve[1] ?? 1,
		neighbourRange: neighbourRange(cos),
		curve,
		halfAt: distanceBelow(curve, 0.5),
		lookalike: mostAlikeApart(cos, farApart),
	};
}

/**
 * The sinusoidal encoding for `length` positions in `dims` dimensions next to the model's learnt position table
 * (`learntTable`: contextLength rows of dModel numbers, of which the first min(length, contextLength) are compared).
 */
export function analysePositions(
	length: number,
	dims: number,
	learntTable: readonly (readonly number[])[],
): { data: PositionsData; matrices: PositionsMatrices } {
	const contextLength = learntTable.length;
	const dModel = learntTable[0]?.length ?? 0;
	const farApart = Math.max(2, Math.ceil(length / 8));
	const encoding = sinusoidalEncoding(length, dims);
	const encodingDot = dotMatrix(encoding);
	const learnt = learntTable.slice(0, Math.min(length, contextLength)).map((r) => [...r]);
	const learntCosine = cosineMatrix(learnt);
	const data: PositionsData = {
		length,
		dims,
		dModel,
		contextLength,
		fastest: wavelength(0, dims),
		slowest: wavelength(dims / 2 - 1, dims),
		farApart,
		sinusoidal: { ...summary(encoding, farApart), neighbourDot: length > 1 ? encodingDot[1]![0]! : dims / 2 },
		learnt: summary(learnt, farApart),
	};
	return { data, matrices: { encoding, encodingDot, learnt, learntCosine } };
}
