import {
	categorical,
	measureText,
	sequentialScale,
	THEME,
	type Scene,
	type SceneItem,
	type TextMeasurer,
} from '../../charts/index.js';
import { textOn } from '../../charts/color.js';
import { cardScene, layoutFooter, layoutHeader } from '../../charts/frame.js';
import { colorBarWidth, layoutColorBar } from '../../charts/legend.js';
import { causalMask, type AttentionData } from './data.js';
import { textPreview } from './labels.js';
import { layoutPanel, panelSize, type Panel } from './panel.js';
import { t } from '../../i18n/index.js';

/** docs/display-standard.md: 1,200 px keeps the 22 px labels at ≥ 7 px on a phone. */
const WIDTH = 1200;
const GAP = 28;
/** The diagram's title, the heads' boxes with their brace and label, then × W_O and the result on a second row. */
const DIAGRAM_H = 190;
const BAR_W = 14;
/** The tallest chart docs/display-standard.md allows: a taller image is shrunk further on a phone. */
const MAX_HEIGHT = 1200;

/** One panel per head of the layer, all on one colour scale fixed to [0, 1], so their colours compare. */
export function headsPanels(data: AttentionData): Panel[] {
	const labels = data.tokens.map((t) => t.label);
	const scale = sequentialScale([], [0, 1]);
	const mask = causalMask(labels.length);
	return data.weights.map((values, h) => ({
		title: t('attention.chart.panelHead', { n: h + 1 }),
		values,
		mask,
		rowLabels: labels,
		colLabels: labels,
		scale,
		showValues: false,
		maxCell: 40,
	}));
}

/**
 * The `heads` view: every head of one layer as a labelled map (rows = queries, columns = keys) sharing one colour bar,
 * and under them how multi-head attention combines the heads: each head's output (T × dh) side by side makes T × d,
 * which W_O projects back to T × d and adds to the residual stream.
 */
export function layoutHeads(data: AttentionData, measure: TextMeasurer = measureText): Scene {
	const panels = headsPanels(data);
	const n = data.tokens.length;
	const { padding } = THEME;
	const text = {
		title: t('attention.chart.headsTitle', { heads: data.nHeads, layer: data.layer + 1, model: data.model }),
		subtitle: t('attention.chart.headsSubtitle', {
			text: textPreview(data.input),
			tokens: t('attention.tokens', { count: n }),
		}),
		footer: t('attention.chart.headsFooter', { d: data.dModel, dk: data.headDim }),
	};
	const header = layoutHeader(text, WIDTH, measure);
	const scale = panels[0]!.scale;
	const barRoom = 30 + colorBarWidth(scale, BAR_W, 'number', measure);
	const columns = Math.min(2, panels.length);
	const rows = Math.ceil(panels.length / columns);
	const probe = layoutFooter(text, WIDTH, 10_000, measure);
	// Square panels as wide as the columns allow, but no taller than keeps the whole chart within MAX_HEIGHT.
	const below = 30 + DIAGRAM_H + probe.height + padding;
	const tallest = Math.floor((MAX_HEIGHT - header.bottom - below - (rows - 1) * GAP) / rows);
	const boxW = Math.min(tallest, Math.floor((WIDTH - 2 * padding - barRoom - (columns - 1) * GAP) / columns));
	const size = panelSize(panels[0]!, { x: 0, y: 0, w: boxW, h: boxW }, measure);
	const blockW = columns * size.w + (columns - 1) * GAP;
	const x0 = padding + Math.max(0, Math.floor((WIDTH - 2 * padding - barRoom - blockW) / 2));
	const items: SceneItem[] = [...header.items];
	panels.forEach((panel, i) => {
		const box = {
			x: x0 + (i % columns) * (size.w + GAP),
			y: header.bottom + Math.floor(i / columns) * (size.h + GAP),
			w: boxW,
			h: boxW,
		};
		items.push(...layoutPanel(panel, box, measure));
	});
	const gridBottom = header.bottom + rows * size.h + (rows - 1) * GAP;
	const barH = Math.min(320, gridBottom - header.bottom - 40);
	items.push(
		...layoutColorBar(
			scale,
			{ x: x0 + blockW + 30, y: header.bottom + 40, w: BAR_W, h: barH },
			t('attention.chart.weight'),
		),
	);
	const diagramTop = gridBottom + 30;
	items.push(...concatDiagram(data, diagramTop, measure));
	const height = diagramTop + DIAGRAM_H + probe.height + padding;
	items.push(...layoutFooter(text, WIDTH, height, measure).items);
	return cardScene(
		WIDTH,
		height,
		items,
		t('attention.chart.headsAlt', { title: text.title, panels: panels.length, n }),
	);
}

/**
 * Boxes in a row: the heads' outputs touching (concatenated); under them, × W_O, then the result added to the stream
 * (a second row, so every label keeps the theme's size within the chart's width).
 */
function concatDiagram(data: AttentionData, top: number, measure: TextMeasurer): SceneItem[] {
	const n = data.tokens.length;
	const { padding } = THEME;
	const font = THEME.fonts.label;
	const small = THEME.fonts.small;
	const items: SceneItem[] = [];
	items.push({
		kind: 'text',
		role: 'diagram-title',
		x: padding,
		y: top,
		text: t('attention.chart.combine'),
		font: THEME.fonts.heading,
		color: THEME.text,
		align: 'left',
		baseline: 'top',
	});
	const y = top + 34;
	const h = 54;
	const headW = Math.min(
		(WIDTH - 2 * padding) / data.nHeads,
		Math.max(measure(`head ${data.nHeads}: weights · V`, small), measure(`${n} × ${data.headDim}`, font)) + 20,
	);
	let x = padding;
	for (let i = 0; i < data.nHeads; i++) {
		const fill = categorical(i);
		items.push({ kind: 'rect', role: 'diagram-head', x, y, w: headW, h, fill, stroke: THEME.background, lineWidth: 1 });
		const color = textOn(fill, THEME.textOnLight, '#ffffff');
		items.push({
			kind: 'text',
			role: 'diagram-text',
			x: x + headW / 2,
			y: y + 16,
			text: t('attention.chart.headBox', { n: i + 1 }),
			font: small,
			color,
			align: 'center',
			baseline: 'middle',
		});
		items.push({
			kind: 'text',
			role: 'diagram-text',
			x: x + headW / 2,
			y: y + 40,
			text: `${n} × ${data.headDim}`,
			font: { ...font, weight: 'bold' },
			color,
			align: 'center',
			baseline: 'middle',
		});
		x += headW;
	}
	const concatW = x - padding;
	items.push({
		kind: 'line',
		role: 'diagram-brace',
		x1: padding,
		y1: y + h + 8,
		x2: padding + concatW,
		y2: y + h + 8,
		color: THEME.textMuted,
		width: 1.5,
	});
	items.push({
		kind: 'text',
		role: 'diagram-text',
		x: padding + concatW / 2,
		y: y + h + 14,
		text: t('attention.chart.concatenated', { n, d: data.dModel }),
		font,
		color: THEME.textMuted,
		align: 'center',
		baseline: 'top',
	});
	const steps = [`× W_O (${data.dModel} × ${data.dModel}) + b`, t('attention.chart.residual', { n, d: data.dModel })];
	const y2 = y + h + 48;
	x = padding - 14;
	for (const step of steps) {
		items.push({
			kind: 'text',
			role: 'diagram-arrow',
			x: x + 14,
			y: y2 + h / 2,
			text: '→',
			font: THEME.fonts.title,
			color: THEME.textMuted,
			align: 'left',
			baseline: 'middle',
		});
		x += 14 + measure('→', THEME.fonts.title) + 14;
		const w = measure(step, font) + 28;
		items.push({
			kind: 'rect',
			role: 'diagram-box',
			x,
			y: y2,
			w,
			h,
			fill: THEME.surface,
			stroke: THEME.border,
			lineWidth: 1,
			radius: 4,
		});
		items.push({
			kind: 'text',
			role: 'diagram-text',
			x: x + w / 2,
			y: y2 + h / 2,
			text: step,
			font,
			color: THEME.text,
			align: 'center',
			baseline: 'middle',
		});
		x += w;
	}
	return items;
}
