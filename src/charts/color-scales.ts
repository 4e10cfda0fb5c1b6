import { mix } from './color.js';
import { RDBU_11, VIRIDIS_HEX } from './color-maps-data.js';
import { niceTicks } from './ticks.js';

/** Viridis (perceptually uniform, colour-blind safe, dark to light) at `t` in [0, 1], nearest of its 256 entries. */
export function viridis(t: number): string {
	const index = Math.round(clamp01(t) * 255);
	return `#${VIRIDIS_HEX.slice(index * 6, index * 6 + 6)}`;
}

/**
 * The diverging blue–white–red map (ColorBrewer RdBu reversed, as matplotlib's `RdBu_r`) at `t` in [0, 1]: 0 is dark
 * blue, 0.5 is the neutral near-white, 1 is dark red; linear in sRGB between the 11 ColorBrewer classes.
 */
export function blueWhiteRed(t: number): string {
	const anchors = RDBU_11.length - 1;
	const position = (1 - clamp01(t)) * anchors;
	const i = Math.min(anchors - 1, Math.floor(position));
	return mix(RDBU_11[i]!, RDBU_11[i + 1]!, position - i);
}

/** A mapping from data values to colours, with the domain and legend ticks it was built with. */
export interface ColorScale {
	kind: 'sequential' | 'diverging';
	domain: [number, number];
	/** Legend ticks: nice values inside the domain. */
	ticks: number[];
	/** The colour for a value; values outside the domain take the end colour. NaN takes `missing`. */
	color(value: number): string;
	/** The colour for NaN cells. */
	missing: string;
}

const MISSING = '#5b5f69';

/**
 * A viridis scale over `domain`, or over the finite values' min and max when no domain is given (a constant input
 * gets [v − 1, v + 1] so it still maps to the middle colour).
 */
export function sequentialScale(values: Iterable<number>, domain?: [number, number]): ColorScale {
	let [lo, hi] = domain ?? extent(values);
	if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
	return {
		kind: 'sequential',
		domain: [lo, hi],
		ticks: niceTicks(lo, hi, 5),
		missing: MISSING,
		color: (value) => (Number.isNaN(value) ? MISSING : viridis((value - lo) / (hi - lo))),
	};
}

/**
 * A blue–white–red scale centred on zero: the domain is [−m, m] for m the largest magnitude among the values (or
 * the given domain as is), so white always means 0 and equal magnitudes get equally strong colours.
 */
export function divergingScale(values: Iterable<number>, domain?: [number, number]): ColorScale {
	let lo: number;
	let hi: number;
	if (domain) [lo, hi] = domain;
	else {
		const [min, max] = extent(values);
		const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
		[lo, hi] = [-m, m];
	}
	return {
		kind: 'diverging',
		domain: [lo, hi],
		ticks: niceTicks(lo, hi, 4),
		missing: MISSING,
		color: (value) => {
			if (Number.isNaN(value)) return MISSING;
			// Each side is scaled on its own so 0 stays white for an asymmetric domain such as [−0.2, 1].
			const t = value < 0 ? 0.5 - 0.5 * Math.min(1, value / (lo || -1)) : 0.5 + 0.5 * Math.min(1, value / (hi || 1));
			return blueWhiteRed(t);
		},
	};
}

/** Min and max of the finite values; [0, 1] when there are none. */
export function extent(values: Iterable<number>): [number, number] {
	let lo = Number.POSITIVE_INFINITY;
	let hi = Number.NEGATIVE_INFINITY;
	for (const v of values) {
		if (!Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	return lo <= hi ? [lo, hi] : [0, 1];
}

function clamp01(t: number): number {
	return Number.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
}
