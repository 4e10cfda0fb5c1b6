import type { Scale } from './axes.js';
import { barValueLabel, labelFontOf, type BarChartInput } from './bar-input.js';
import { mix } from './color.js';
import type { Box } from './frame.js';
import type { SceneItem } from './scene.js';
import { categorical, HIGHLIGHT, THEME } from './theme.js';
import type { NumberFormat } from './ticks.js';

/** How far a category past the cut-off fades towards the background. */
const DIM = 0.62;

/** Bars, category labels, value labels, highlight, cut-off and threshold, for either orientation. */
export function bars(
	input: BarChartInput,
	plot: Box,
	scale: Scale,
	labels: string[],
	horizontal: boolean,
	showValues: boolean,
	format: NumberFormat,
	labelsFit = true,
	valueRoom = 0,
): SceneItem[] {
	const items: SceneItem[] = [];
	const n = input.categories.length;
	const band = (horizontal ? plot.h : plot.w) / Math.max(1, n);
	const group = band * 0.74;
	const barSize = group / Math.max(1, input.series.length);
	const zero = scale.map(Math.max(scale.domain[0], Math.min(scale.domain[1], 0)));
	const dimmed = (i: number): boolean => input.cutoff !== undefined && i > input.cutoff.afterIndex;
	const fontOf = labelFontOf(input);
	for (let i = 0; i < n; i++) {
		const start = (horizontal ? plot.y : plot.x) + band * i + (band - group) / 2;
		const highlighted = input.highlight?.index === i;
		input.series.forEach((s, k) => {
			const value = s.values[i]!;
			const end = scale.map(value);
			const base = s.color ?? categorical(k);
			const fill = dimmed(i) ? mix(base, THEME.background, DIM) : base;
			const pos = start + k * barSize;
			const rect = horizontal
				? { x: Math.min(zero, end), y: pos, w: Math.abs(end - zero), h: barSize - 1 }
				: { x: pos, y: Math.min(zero, end), w: barSize - 1, h: Math.abs(end - zero) };
			items.push({ kind: 'rect', role: 'bar', ...rect, fill });
			if (showValues) {
				const text = barValueLabel(value, format);
				const color = dimmed(i) ? THEME.textFaint : THEME.text;
				items.push(
					horizontal
						? {
								kind: 'text',
								role: 'bar-value',
								x: Math.max(zero, end) + 6,
								y: pos + barSize / 2,
								text,
								font: THEME.fonts.tick,
								color,
								align: 'left',
								baseline: 'middle',
							}
						: {
								kind: 'text',
								role: 'bar-value',
								x: pos + barSize / 2,
								y: Math.min(zero, end) - 5,
								text,
								font: THEME.fonts.tick,
								color,
								align: 'center',
								baseline: 'bottom',
							},
				);
			}
		});
		const font = fontOf(i);
		const color = highlighted ? HIGHLIGHT : dimmed(i) ? THEME.textFaint : THEME.text;
		const mid = (horizontal ? plot.y : plot.x) + band * (i + 0.5);
		const text = labels[i]!;
		if (horizontal)
			items.push({
				kind: 'text',
				role: 'category-label',
				x: plot.x - 10,
				y: mid,
				text,
				font,
				color,
				align: 'right',
				baseline: 'middle',
			});
		else if (labelsFit)
			items.push({
				kind: 'text',
				role: 'category-label',
				x: mid,
				y: plot.y + plot.h + 8,
				text,
				font,
				color,
				align: 'center',
				baseline: 'top',
			});
		else
			items.push({
				kind: 'text',
				role: 'category-label',
				x: mid + 4,
				y: plot.y + plot.h + 8,
				text,
				font,
				color,
				align: 'right',
				baseline: 'middle',
				rotate: -Math.PI / 4,
			});
		if (highlighted) {
			const outline = horizontal
				? { x: plot.x - 2, y: start - 3, w: plot.w + valueRoom, h: group + 6 }
				: { x: start - 3, y: plot.y - 2, w: group + 6, h: plot.h + 4 };
			items.push({ kind: 'rect', role: 'highlight', ...outline, stroke: HIGHLIGHT, lineWidth: 2, radius: 4 });
		}
	}
	items.push({
		kind: 'line',
		role: 'baseline',
		...(horizontal
			? { x1: zero, y1: plot.y, x2: zero, y2: plot.y + plot.h }
			: { x1: plot.x, y1: zero, x2: plot.x + plot.w, y2: zero }),
		color: THEME.axis,
		width: 1,
	});
	if (input.cutoff && input.cutoff.afterIndex < n - 1) {
		const at = (horizontal ? plot.y : plot.x) + band * (input.cutoff.afterIndex + 1);
		items.push({
			kind: 'line',
			role: 'cutoff',
			...(horizontal
				? { x1: plot.x, y1: at, x2: plot.x + plot.w, y2: at }
				: { x1: at, y1: plot.y, x2: at, y2: plot.y + plot.h }),
			color: THEME.textMuted,
			width: 1.5,
			dash: [6, 4],
		});
		items.push(
			horizontal
				? {
						kind: 'text',
						role: 'cutoff-label',
						x: plot.x + plot.w,
						y: at + 4,
						text: input.cutoff.label,
						font: THEME.fonts.tick,
						color: THEME.textMuted,
						align: 'right',
						baseline: 'top',
					}
				: {
						kind: 'text',
						role: 'cutoff-label',
						x: at + 6,
						y: plot.y - 6,
						text: input.cutoff.label,
						font: THEME.fonts.tick,
						color: THEME.textMuted,
						align: 'left',
						baseline: 'bottom',
					},
		);
	}
	if (input.threshold) {
		const at = scale.map(input.threshold.value);
		items.push({
			kind: 'line',
			role: 'threshold',
			...(horizontal
				? { x1: at, y1: plot.y, x2: at, y2: plot.y + plot.h }
				: { x1: plot.x, y1: at, x2: plot.x + plot.w, y2: at }),
			color: categorical(5),
			width: 1.5,
			dash: [6, 4],
		});
		items.push(
			horizontal
				? {
						kind: 'text',
						role: 'threshold-label',
						x: at + 4,
						y: plot.y - 4,
						text: input.threshold.label,
						font: THEME.fonts.tick,
						color: categorical(5),
						align: 'left',
						baseline: 'bottom',
					}
				: {
						kind: 'text',
						role: 'threshold-label',
						x: plot.x + plot.w - 4,
						y: at - 4,
						text: input.threshold.label,
						font: THEME.fonts.tick,
						color: categorical(5),
						align: 'right',
						baseline: 'bottom',
					},
		);
	}
	return items;
}
