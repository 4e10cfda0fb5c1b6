import type { Box } from './frame.js';
import type { SceneItem } from './scene.js';
import type { TextMeasurer } from './text.js';
import { THEME } from './theme.js';
import { formatNumber, formatTicks, logTicks, niceDomain, niceTicks, type NumberFormat } from './ticks.js';

/** A numeric axis: maps data values to pixels and knows its ticks and their labels. */
export interface Scale {
	kind: 'linear' | 'log';
	domain: [number, number];
	/** Pixels for domain[0] and domain[1] (y ranges run bottom to top, so range[0] > range[1]). */
	range: [number, number];
	ticks: number[];
	labels: string[];
	map(value: number): number;
}

export interface LinearScaleOptions {
	/** About how many ticks (default 5). */
	ticks?: number;
	format?: NumberFormat;
	/** Widen the domain to nice round ends (default true). */
	nice?: boolean;
}

/** A linear scale whose ticks are 1, 2 or 5 × 10^k. */
export function linearScale(
	domain: [number, number],
	range: [number, number],
	options: LinearScaleOptions = {},
): Scale {
	const count = options.ticks ?? 5;
	const [d0, d1] = options.nice === false ? domain : niceDomain(domain[0], domain[1], count);
	const ticks = niceTicks(d0, d1, count);
	const span = d1 - d0 || 1;
	return {
		kind: 'linear',
		domain: [d0, d1],
		range,
		ticks,
		labels: formatTicks(ticks, options.format),
		map: (v) => range[0] + ((v - d0) / span) * (range[1] - range[0]),
	};
}

/** A log10 scale over positive values; the domain is widened to the nearest 1/2/5 × 10^k outside it. */
export function logScale(domain: [number, number], range: [number, number]): Scale {
	const lo = Math.max(Math.min(domain[0], domain[1]), Number.MIN_VALUE);
	const hi = Math.max(domain[0], domain[1], lo);
	const below = [1, 2, 5].map((m) => m * 10 ** Math.floor(Math.log10(lo))).filter((v) => v <= lo);
	const above = [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(hi))).filter((v) => v >= hi);
	const d0 = Math.max(...below);
	const d1 = Math.min(...above);
	const ticks = logTicks(d0, d1);
	const l0 = Math.log10(d0);
	const span = Math.log10(d1) - l0 || 1;
	return {
		kind: 'log',
		domain: [d0, d1],
		range,
		ticks,
		labels: ticks.map((t) => formatNumber(t)),
		map: (v) => range[0] + ((Math.log10(Math.max(v, Number.MIN_VALUE)) - l0) / span) * (range[1] - range[0]),
	};
}

/** The widest tick label of a scale, in pixels. */
export function labelWidth(scale: Scale, measure: TextMeasurer): number {
	return Math.max(0, ...scale.labels.map((label) => measure(label, THEME.fonts.tick)));
}

/** Space a y axis needs beside the plot: tick labels, gap, and the rotated title if any. */
export function yAxisMargin(scale: Scale, title: string | undefined, measure: TextMeasurer): number {
	return Math.ceil(labelWidth(scale, measure)) + 10 + (title ? THEME.fonts.axisTitle.size + 12 : 0);
}

/** Space an x axis needs below the plot: tick labels, and the title if any. */
export function xAxisMargin(title: string | undefined): number {
	return THEME.fonts.tick.size + 10 + (title ? THEME.fonts.axisTitle.size + 12 : 0);
}

/** Gridlines, tick labels and title of a vertical value axis on the left or right of `plot`. */
export function yAxisItems(
	scale: Scale,
	plot: Box,
	options: { side: 'left' | 'right'; title?: string; grid?: boolean; color?: string },
	measure: TextMeasurer,
): SceneItem[] {
	const { side, title, grid = true, color = THEME.textMuted } = options;
	const items: SceneItem[] = [];
	const sign = side === 'left' ? -1 : 1;
	const edge = side === 'left' ? plot.x : plot.x + plot.w;
	scale.ticks.forEach((tick, i) => {
		const y = scale.map(tick);
		if (grid)
			items.push({
				kind: 'line',
				role: 'grid',
				x1: plot.x,
				y1: y,
				x2: plot.x + plot.w,
				y2: y,
				color: THEME.grid,
				width: 1,
			});
		items.push({
			kind: 'text',
			role: `${side}-tick-label`,
			x: edge + sign * 8,
			y,
			text: scale.labels[i]!,
			font: THEME.fonts.tick,
			color,
			align: side === 'left' ? 'right' : 'left',
			baseline: 'middle',
		});
	});
	if (title) {
		const size = THEME.fonts.axisTitle.size;
		const x = edge + sign * (Math.ceil(labelWidth(scale, measure)) + 10 + 12 + size / 2);
		items.push({
			kind: 'text',
			role: `${side}-axis-title`,
			x,
			y: plot.y + plot.h / 2,
			text: title,
			font: THEME.fonts.axisTitle,
			color,
			align: 'center',
			baseline: 'middle',
			rotate: (sign * Math.PI) / 2,
		});
	}
	return items;
}

/** Gridlines, tick labels and title of a horizontal value axis below `plot`. */
export function xAxisItems(scale: Scale, plot: Box, title?: string, grid = true): SceneItem[] {
	const items: SceneItem[] = [];
	const bottom = plot.y + plot.h;
	scale.ticks.forEach((tick, i) => {
		const x = scale.map(tick);
		if (grid)
			items.push({ kind: 'line', role: 'grid', x1: x, y1: plot.y, x2: x, y2: bottom, color: THEME.grid, width: 1 });
		items.push({
			kind: 'text',
			role: 'x-tick-label',
			x,
			y: bottom + 8,
			text: scale.labels[i]!,
			font: THEME.fonts.tick,
			color: THEME.textMuted,
			align: 'center',
			baseline: 'top',
		});
	});
	if (title) items.push(xAxisTitle(plot, title));
	return items;
}

/** The title centred under a plot, below its tick labels. */
export function xAxisTitle(plot: Box, title: string): SceneItem {
	return {
		kind: 'text',
		role: 'x-axis-title',
		x: plot.x + plot.w / 2,
		y: plot.y + plot.h + THEME.fonts.tick.size + 20,
		text: title,
		font: THEME.fonts.axisTitle,
		color: THEME.textMuted,
		align: 'center',
		baseline: 'top',
	};
}
