import {
	itemsWithRole,
	layoutBarChart,
	measureText,
	THEME,
	type Scene,
	type TextMeasurer,
} from '../../charts/index.js';
import type { NextTokenChart } from './charts.js';

/**
 * Lays out the next-token chart and adds the boundaries of the filters that cut before the last one (the bar chart
 * draws one cut-off itself). A boundary after category j lies halfway between the last bar of j and the first bar
 * of j + 1, which is the edge of their bands; the lines span the plot from its top grid line to its baseline, labelled near the bottom.
 */
export function layoutNextToken(chart: NextTokenChart, measure: TextMeasurer = measureText): Scene {
	const scene = layoutBarChart(chart.input, measure);
	if (chart.lines.length === 0) return scene;
	const bars = itemsWithRole(scene.items, 'bar', 'rect');
	const perCategory = chart.input.series.length;
	const grid = itemsWithRole(scene.items, 'grid', 'line');
	const baseline = itemsWithRole(scene.items, 'baseline', 'line')[0]!;
	const top = Math.min(...grid.map((g) => g.y1));
	const bottom = baseline.y1;
	const added = chart.lines.flatMap((line, i) => {
		const last = bars[line.afterIndex * perCategory + perCategory - 1]!;
		const next = bars[(line.afterIndex + 1) * perCategory]!;
		const x = (last.x + last.w + 1 + next.x) / 2;
		// Near the baseline: the bars right of a cut are short, and the top is where the cumulative line runs.
		const y = bottom - 24 - i * 18;
		return [
			{
				kind: 'line' as const,
				role: 'filter-cut',
				x1: x,
				y1: top,
				x2: x,
				y2: bottom,
				color: THEME.textFaint,
				width: 1.5,
				dash: [3, 4],
			},
			{
				kind: 'text' as const,
				role: 'filter-cut-label',
				x: x + 6,
				y,
				text: line.label,
				font: THEME.fonts.tick,
				color: THEME.textMuted,
				align: 'left' as const,
				baseline: 'top' as const,
			},
		];
	});
	// Before the border, which cardScene draws last.
	const items = [...scene.items];
	items.splice(items.length - 1, 0, ...added);
	return { ...scene, items };
}
