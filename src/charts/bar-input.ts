import type { FontSpec } from './fonts.js';
import type { ChartText } from './frame.js';
import { THEME } from './theme.js';
import { formatNumber, type NumberFormat } from './ticks.js';

/** A bar chart's input, and how its value and category labels read: what both its layout and its bars use. */

export interface BarSeries {
	name: string;
	values: readonly number[];
	/** Defaults to the palette colour of the series' position. */
	color?: string;
}

export interface BarChartInput extends ChartText {
	categories: readonly string[];
	/** One series, or two to compare (before/after); each has one value per category. */
	series: readonly BarSeries[];
	/** Bars grow up from a category axis at the bottom (default) or right from one at the left. */
	orientation?: 'vertical' | 'horizontal';
	/** Marks one category (e.g. the sampled token): outlined, its label bold, and `label` printed by the bars. */
	highlight?: { index: number; label?: string };
	/** Categories after `afterIndex` are dimmed (filtered out, e.g. by top-k), with a dashed line at the boundary. */
	cutoff?: { afterIndex: number; label: string };
	/** A dashed line across the value axis (e.g. a min-p threshold). */
	threshold?: { value: number; label: string };
	/** A line on a secondary value axis at the right (vertical charts only), e.g. cumulative probability. */
	line?: { name: string; values: readonly number[]; format?: NumberFormat; domain?: [number, number]; color?: string };
	valueAxis?: { title?: string; format?: NumberFormat; domain?: [number, number] };
	categoryAxis?: { title?: string };
	/** Print each bar's value at its end (default: one series and at most 24 bars). */
	showValues?: boolean;
	width?: number;
	height?: number;
}

/**
 * The value text printed on a bar: percent with one decimal (two significant digits below 0.1%, so a tiny
 * probability never prints as 0.0%), or three significant digits.
 */
export function barValueLabel(value: number, format: NumberFormat = 'number'): string {
	if (format !== 'percent') return formatNumber(value);
	const percent = value * 100;
	return `${Math.abs(percent) >= 0.1 || percent === 0 ? percent.toFixed(1) : formatNumber(percent, 2)}%`.replace(
		/^-/,
		'−',
	);
}

/** A category label's font: bold for the highlighted one. Measured and drawn with the same font, so a bold label fits. */
export function labelFontOf(input: BarChartInput): (index: number) => FontSpec {
	const bold = { ...THEME.fonts.label, weight: 'bold' as const };
	return (index) => (input.highlight?.index === index ? bold : THEME.fonts.label);
}
