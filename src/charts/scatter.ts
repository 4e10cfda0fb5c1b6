import { t } from '../i18n/index.js';
import { linearScale, xAxisItems, xAxisMargin, yAxisItems, yAxisMargin } from './axes.js';
import { cardScene, layoutFooter, layoutHeader, type Box, type ChartText } from './frame.js';
import { leaderLine, placeLabels } from './label-placement.js';
import { layoutLegend } from './legend.js';
import { sceneToPng } from './render.js';
import type { Scene, SceneItem } from './scene.js';
import { measureText, truncate, type TextMeasurer } from './text.js';
import { categorical, THEME } from './theme.js';
import { extent } from './color-scales.js';

export interface ScatterPoint {
	x: number;
	y: number;
	label?: string;
	/** Points of a group share a colour and a legend entry. */
	group?: string;
	/** Drawn larger with a ring and a bold label in its group's colour (the words a member asked about); its group's
	 * legend entry is bold too. */
	emphasis?: boolean;
}

export interface ScatterInput extends ChartText {
	/** Labels are placed in this order, so list the points whose labels matter most first. */
	points: readonly ScatterPoint[];
	xTitle?: string;
	yTitle?: string;
	/** Group order (and so colours); defaults to the order groups first appear in `points`. */
	groups?: readonly string[];
	/** Same units on both axes (default true: for a 2-D projection of embeddings, distances should look right). */
	equalAspect?: boolean;
	width?: number;
	height?: number;
	/** Label every point: where points crowd, a label moves away and a leader line joins it to its point. */
	leaders?: boolean;
}

const RADIUS = 5;
const EMPHASIS_RADIUS = 9;
const LABEL_FONT = THEME.fonts.label;
const EMPHASIS_FONT = { ...LABEL_FONT, weight: 'bold' } as const;
/** A label's box is the font size and 2 px above and below. */
const LABEL_H = LABEL_FONT.size + 4;
/**
 * Pixels kept between the outermost points and the plot's edge: half a label box and one to spare, so a label
 * centred beside a point at the edge (right or left, the first choices) stays inside the plot.
 */
const EDGE_ROOM = LABEL_H / 2 + 1;

/**
 * Lays out a 2-D scatter: points coloured by group, labels placed greedily where they do not overlap (see
 * `placeLabels`), a legend when there is more than one group. The description counts labels left out.
 */
export function layoutScatter(input: ScatterInput, measure: TextMeasurer = measureText): Scene {
	const width = input.width ?? 1200;
	const height = input.height ?? 700;
	const { padding } = THEME;
	const header = layoutHeader(input, width, measure);
	const footer = layoutFooter(input, width, height, measure);
	const items: SceneItem[] = [...header.items];
	const groups = [...(input.groups ?? [])];
	for (const p of input.points) if (p.group !== undefined && !groups.includes(p.group)) groups.push(p.group);
	const legend =
		groups.length > 1
			? layoutLegend(
					groups.map((g, i) => ({
						label: g,
						color: categorical(i),
						shape: 'circle',
						bold: input.points.some((p) => p.emphasis && p.group === g),
					})),
					padding,
					header.bottom - 8,
					width - 2 * padding,
					measure,
				)
			: { items: [], height: 0 };
	items.push(...legend.items);
	const top = header.bottom + (legend.height > 0 ? legend.height + 8 : 0);

	let [x0, x1] = extent(input.points.map((p) => p.x));
	let [y0, y1] = extent(input.points.map((p) => p.y));
	const probeY = linearScale([y0, y1], [1, 0]);
	const plot: Box = { x: padding + yAxisMargin(probeY, input.yTitle, measure), y: top, w: 0, h: 0 };
	plot.w = width - padding - plot.x;
	plot.h = height - padding - footer.height - xAxisMargin(input.xTitle) - top;
	if (input.equalAspect !== false) {
		// Widen the narrower range so one data unit is the same number of pixels on both axes; the data keeps 4 % of the
		// plot free on each side, and at least EDGE_ROOM pixels.
		const perPixel = Math.max(
			((x1 - x0) / plot.w) * 1.08,
			((y1 - y0) / plot.h) * 1.08,
			(x1 - x0) / (plot.w - 2 * EDGE_ROOM),
			(y1 - y0) / (plot.h - 2 * EDGE_ROOM),
		);
		const cx = (x0 + x1) / 2;
		const cy = (y0 + y1) / 2;
		[x0, x1] = [cx - (perPixel * plot.w) / 2, cx + (perPixel * plot.w) / 2];
		[y0, y1] = [cy - (perPixel * plot.h) / 2, cy + (perPixel * plot.h) / 2];
	}
	const nice = input.equalAspect === false;
	const xs = linearScale([x0, x1], [plot.x, plot.x + plot.w], { nice, ticks: 8 });
	const ys = linearScale([y0, y1], [plot.y + plot.h, plot.y], { nice, ticks: 5 });
	items.push(...yAxisItems(ys, plot, { side: 'left', title: input.yTitle }, measure));
	items.push(...xAxisItems(xs, plot, input.xTitle));
	items.push({ kind: 'rect', role: 'plot-frame', ...plot, stroke: THEME.grid, lineWidth: 1 });

	const at = input.points.map((p) => ({ x: xs.map(p.x), y: ys.map(p.y) }));
	const colors = input.points.map((p) => categorical(p.group === undefined ? 0 : groups.indexOf(p.group)));
	const fonts = input.points.map((p) => (p.emphasis ? EMPHASIS_FONT : LABEL_FONT));
	const radii = input.points.map((p) => (p.emphasis ? EMPHASIS_RADIUS : RADIUS));
	const labels = input.points.map((p, i) => (p.label ? truncate(p.label, 220, fonts[i]!, measure) : ''));
	const placed = placeLabels(
		at.map((a, i) => ({
			...a,
			r: radii[i]!,
			w: labels[i] ? Math.ceil(measure(labels[i], fonts[i]!)) : 0,
			h: labels[i] ? LABEL_H : 0,
		})),
		plot,
		4,
		input.leaders ?? false,
	);
	// Leader lines first, so the points and labels are drawn over them.
	placed.forEach((box, i) => {
		if (!box?.leader) return;
		items.push({ kind: 'line', role: 'leader', ...leaderLine(at[i]!, box), color: THEME.axis, width: 1.5 });
	});
	at.forEach((a, i) =>
		items.push({
			kind: 'circle',
			role: 'point',
			cx: a.x,
			cy: a.y,
			r: radii[i]!,
			fill: colors[i]!,
			stroke: input.points[i]!.emphasis ? THEME.text : THEME.background,
		}),
	);
	let hidden = 0;
	placed.forEach((box, i) => {
		if (!labels[i]) return;
		if (!box) {
			hidden++;
			return;
		}
		items.push({
			kind: 'text',
			role: 'point-label',
			x: box.x,
			y: box.y + box.h / 2,
			text: labels[i],
			font: fonts[i]!,
			color: input.points[i]!.emphasis ? colors[i]! : THEME.text,
			align: 'left',
			baseline: 'middle',
		});
	});
	items.push(...footer.items);
	const note = hidden > 0 ? t('charts.alt.hiddenLabels', { count: hidden }) : '';
	return cardScene(
		width,
		height,
		items,
		t('charts.alt.scatter', {
			title: input.title,
			points: input.points.length,
			groups: Math.max(1, groups.length),
			note,
		}),
	);
}

/** Renders a scatter chart to PNG. */
export async function renderScatter(input: ScatterInput): Promise<Buffer> {
	return sceneToPng(layoutScatter(input));
}
