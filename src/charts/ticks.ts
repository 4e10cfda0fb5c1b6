/** Rounds away float noise (0.1 + 0.2) so ticks print and compare as the numbers they stand for. */
function clean(value: number): number {
	return Number.parseFloat(value.toPrecision(12));
}

/**
 * The "nice" step (1, 2 or 5 × 10^k) closest to splitting `span` into about `count` intervals.
 * Returns 0 for an empty or non-finite span.
 */
export function niceStep(span: number, count: number): number {
	if (!(span > 0) || !Number.isFinite(span) || count < 1) return 0;
	const raw = span / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const fraction = raw / power;
	// Thresholds at the geometric means of neighbouring steps, so each step wins where it is the closer one.
	const step = fraction < Math.sqrt(2) ? 1 : fraction < Math.sqrt(10) ? 2 : fraction < Math.sqrt(50) ? 5 : 10;
	return clean(step * power);
}

/** Ticks at multiples of a nice step inside [min, max] (both ends included when they fall on a step). */
export function niceTicks(min: number, max: number, count = 5): number[] {
	if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
	if (min === max) return [clean(min)];
	const lo = Math.min(min, max);
	const hi = Math.max(min, max);
	const step = niceStep(hi - lo, count);
	const first = Math.ceil(lo / step - 1e-9);
	const last = Math.floor(hi / step + 1e-9);
	const ticks: number[] = [];
	for (let i = first; i <= last; i++) ticks.push(clean(i * step));
	return ticks;
}

/**
 * Widens [min, max] outwards to multiples of its nice step, so the axis ends on a labelled tick.
 * A zero-width domain is widened to a unit around its value.
 */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
	if (min === max) return min === 0 ? [0, 1] : [clean(min - Math.abs(min) / 2), clean(max + Math.abs(max) / 2)];
	const step = niceStep(Math.abs(max - min), count);
	return [
		clean(Math.floor(Math.min(min, max) / step + 1e-9) * step),
		clean(Math.ceil(Math.max(min, max) / step - 1e-9) * step),
	];
}

/**
 * Ticks for a log axis on [min, max] (both > 0): each power of ten, and also 2× and 5× when the range spans fewer
 * than three decades, so a short range such as a loss curve from 6 to 1.5 still gets several labels.
 */
export function logTicks(min: number, max: number): number[] {
	if (!(min > 0) || !(max > 0)) return [];
	const lo = Math.min(min, max);
	const hi = Math.max(min, max);
	const first = Math.floor(Math.log10(lo));
	const last = Math.ceil(Math.log10(hi));
	const multipliers = last - first <= 3 ? [1, 2, 5] : [1];
	const ticks: number[] = [];
	for (let k = first; k <= last; k++) {
		for (const m of multipliers) {
			const value = clean(m * 10 ** k);
			if (value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9)) ticks.push(value);
		}
	}
	return ticks;
}

/** Decimal places needed to print every multiple of `step` exactly (0.05 → 2, 20 → 0). */
export function decimalsFor(step: number): number {
	if (!(step > 0)) return 0;
	for (let d = 0; d <= 12; d++) {
		if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
	}
	return 12;
}

/** How a number on an axis or in a cell is printed. */
export type NumberFormat = 'number' | 'percent';

/**
 * Formats tick values sharing one step: fixed decimals from the step, `k`/`M` for large round values, a true minus
 * sign, and percent when asked (values are fractions: 0.25 → `25%`).
 */
export function formatTicks(ticks: readonly number[], format: NumberFormat = 'number'): string[] {
	const scaled = format === 'percent' ? ticks.map((t) => clean(t * 100)) : [...ticks];
	const steps = scaled.slice(1).map((t, i) => Math.abs(t - scaled[i]!));
	const step = steps.length > 0 ? Math.min(...steps.filter((s) => s > 0), Number.POSITIVE_INFINITY) : 0;
	const maxAbs = Math.max(0, ...scaled.map(Math.abs));
	return scaled.map((value) => {
		let text: string;
		if (value === 0 && maxAbs >= 1e4) text = '0';
		else if (maxAbs >= 1e6 && (step === 0 || step >= 1e5))
			text = `${trim((value / 1e6).toFixed(decimalsFor(step / 1e6)))}M`;
		else if (maxAbs >= 1e4 && (step === 0 || step >= 100))
			text = `${trim((value / 1e3).toFixed(decimalsFor(step / 1e3)))}k`;
		else text = Number.isFinite(step) && step > 0 ? value.toFixed(decimalsFor(step)) : formatNumber(value);
		if (format === 'percent') text += '%';
		return text.replace(/^-/, '−');
	});
}

function trim(text: string): string {
	return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Formats a lone number with `significant` significant digits, no exponent for ordinary sizes, true minus sign. */
export function formatNumber(value: number, significant = 3): string {
	if (!Number.isFinite(value)) return String(value);
	if (value === 0) return '0';
	const abs = Math.abs(value);
	// toPrecision switches to exponent notation past `significant` digits; parsing it back gives plain digits.
	const text =
		abs >= 1e-3 && abs < 1e7
			? String(Number.parseFloat(value.toPrecision(significant)))
			: value.toExponential(significant - 1);
	return text.replace(/^-/, '−');
}
