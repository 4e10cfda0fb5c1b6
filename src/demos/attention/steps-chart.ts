import {
	divergingScale,
	measureText,
	sequentialScale,
	THEME,
	type Scene,
	type SceneItem,
	type TextMeasurer,
} from '../../charts/index.js';
import { cardScene, layoutFooter, layoutHeader } from '../../charts/frame.js';
import { causalMask, type AttentionData, type HeadSteps } from './data.js';
import { STEPS_DIMS_SHOWN } from './input.js';
import { headName, numberedLabel, textPreview } from './labels.js';
import { layoutPanel, panelSize, type Panel } from './panel.js';
// `tr`, not `t`: `t` is the token count here, as in the formulas.
import { t as tr } from '../../i18n/index.js';

const WIDTH = 1620;
const GAP = 30;
const COLUMNS = 3;

/** `HeadSteps` of a `view:steps` result; throws when the view has none (a programming error). */
export function stepsOf(data: AttentionData): HeadSteps {
	if (!data.steps) throw new Error('attention: no steps computed');
	return data.steps;
}

/** The first `dims` columns of each row. */
export function slice(rows: readonly (readonly number[])[], dims = STEPS_DIMS_SHOWN): number[][] {
	return rows.map((r) => r.slice(0, dims));
}

const flat = (m: readonly (readonly number[])[]): number[] => m.flat();

/**
 * The six panels of one head's arithmetic, in order: Q·Kᵀ, ÷ √d_k, the causal mask, softmax, V (a slice) and
 * weights · V (the same slice). Each has numbers in its cells; the scaled and masked scores share a scale, and so do
 * V and the output (an output row is a weighted average of V rows, so it stays inside V's range).
 */
export function stepsPanels(data: AttentionData): Panel[] {
	const s = stepsOf(data);
	const t = s.scores.length;
	const rows = data.tokens.slice(0, t).map(numberedLabel);
	const dims = Math.min(STEPS_DIMS_SHOWN, data.headDim);
	const dimLabels = Array.from({ length: dims }, (_, i) => `d${i + 1}`);
	const mask = causalMask(t);
	const root = Math.sqrt(data.headDim);
	const scaledScale = divergingScale(flat(s.scaled));
	const vScale = divergingScale([...flat(slice(s.v, dims)), ...flat(slice(s.output, dims))]);
	const base = { rowLabels: rows, showValues: true };
	return [
		{
			...base,
			title: tr('attention.chart.scores'),
			digits: 1,
			values: s.scores,
			colLabels: rows,
			scale: divergingScale(flat(s.scores)),
			colorBar: 'q·k',
		},
		{
			...base,
			title: `② ÷ √${data.headDim} = ${root.toFixed(3)}`,
			digits: 2,
			values: s.scaled,
			colLabels: rows,
			scale: scaledScale,
			colorBar: tr('attention.chart.scaledBar'),
		},
		{
			...base,
			title: tr('attention.chart.mask'),
			digits: 2,
			values: s.scaled,
			mask,
			maskedText: '−∞',
			colLabels: rows,
			scale: scaledScale,
			colorBar: tr('attention.chart.scaledBar'),
		},
		{
			...base,
			title: tr('attention.chart.softmax'),
			values: s.weights,
			mask,
			maskedText: '0',
			colLabels: rows,
			scale: sequentialScale([], [0, 1]),
			colorBar: tr('attention.chart.weight'),
		},
		{
			...base,
			title: tr('attention.chart.vSlice', { dims, dk: data.headDim }),
			values: slice(s.v, dims),
			colLabels: dimLabels,
			scale: vScale,
			colorBar: tr('attention.chart.valueBar'),
		},
		{
			...base,
			title: tr('attention.chart.output', { dims }),
			values: slice(s.output, dims),
			colLabels: dimLabels,
			scale: vScale,
			colorBar: tr('attention.chart.valueBar'),
		},
	];
}

/**
 * The `steps` view: one head's attention on a short input, six panels with a number in every cell, laid out so a
 * row can be followed from the raw scores to the output.
 */
export function layoutSteps(data: AttentionData, measure: TextMeasurer = measureText): Scene {
	const panels = stepsPanels(data);
	const t = stepsOf(data).scores.length;
	const total = data.tokens.length;
	const { padding } = THEME;
	const dims = Math.min(STEPS_DIMS_SHOWN, data.headDim);
	const text = {
		title: tr('attention.chart.stepsTitle', { head: headName(data), model: data.model }),
		subtitle: tr('attention.chart.stepsSubtitle', {
			which: t < total ? tr('attention.chart.stepsFirst', { t, total }) : tr('attention.chart.stepsAll', { t }),
			text: textPreview(
				data.tokens
					.slice(0, t)
					.map((x) => x.text)
					.join(''),
				80,
			),
			dk: data.headDim,
		}),
		footer: tr('attention.chart.stepsFooter', { dk: data.headDim, dims }),
	};
	const header = layoutHeader(text, WIDTH, measure);
	const boxW = Math.floor((WIDTH - 2 * padding - (COLUMNS - 1) * GAP) / COLUMNS);
	const sizes = panels.map((p) => panelSize(p, { x: 0, y: 0, w: boxW, h: boxW }, measure));
	const rowH = Math.max(...sizes.map((s) => s.h));
	const items: SceneItem[] = [...header.items];
	panels.forEach((panel, i) => {
		const box = {
			x: padding + (i % COLUMNS) * (boxW + GAP),
			y: header.bottom + Math.floor(i / COLUMNS) * (rowH + GAP),
			w: boxW,
			h: boxW,
		};
		items.push(...layoutPanel(panel, box, measure));
	});
	const rows = Math.ceil(panels.length / COLUMNS);
	const probe = layoutFooter(text, WIDTH, 10_000, measure);
	const height = header.bottom + rows * rowH + (rows - 1) * GAP + 24 + probe.height + padding;
	items.push(...layoutFooter(text, WIDTH, height, measure).items);
	return cardScene(WIDTH, height, items, tr('attention.chart.stepsAlt', { title: text.title, t }));
}
