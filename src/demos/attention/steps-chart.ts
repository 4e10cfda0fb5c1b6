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
import { t as tr, type MessageKey } from '../../i18n/index.js';

/** Two panels of 8 × 8 numbers at 22 px side by side: as wide as any chart (docs/display-standard.md). */
const WIDTH = 1200;
const GAP = 24;
/** Each footer explains its two steps; Korean needs a third line where English needs two. */
const FOOTER_LINES = 3;

/**
 * The `steps` view is three images, two panels each, so that every number is printed at the theme's sizes: ① Q·Kᵀ
 * and ② ÷ √d_k; ③ the mask and ④ the softmax; V and ⑤ weights · V. Six panels of numbers in one image were 1,620 px
 * wide and shown at 7.5 px on a desktop.
 */
export const STEPS_PARTS: readonly { file: string; panels: readonly [number, number]; footer: MessageKey }[] = [
	{ file: 'attention-steps-scores.png', panels: [0, 1], footer: 'attention.chart.stepsFooter.scores' },
	{ file: 'attention-steps-softmax.png', panels: [2, 3], footer: 'attention.chart.stepsFooter.softmax' },
	{ file: 'attention-steps-output.png', panels: [4, 5], footer: 'attention.chart.stepsFooter.output' },
];

export type StepsPart = 0 | 1 | 2;

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
 * weights · V (the same slice). Each has numbers in its cells, so none has a colour bar; the scaled and masked scores
 * share a colour scale, and so do V and the output (an output row is a weighted average of V rows, so it stays inside
 * V's range).
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
		},
		{
			...base,
			title: `② ÷ √${data.headDim} = ${root.toFixed(3)}`,
			digits: 2,
			values: s.scaled,
			colLabels: rows,
			scale: scaledScale,
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
		},
		{
			...base,
			title: tr('attention.chart.softmax'),
			values: s.weights,
			mask,
			maskedText: '0',
			colLabels: rows,
			scale: sequentialScale([], [0, 1]),
		},
		{
			...base,
			title: tr('attention.chart.vSlice', { dims, dk: data.headDim }),
			digits: 2,
			values: slice(s.v, dims),
			colLabels: dimLabels,
			scale: vScale,
		},
		{
			...base,
			title: tr('attention.chart.output', { dims }),
			digits: 2,
			values: slice(s.output, dims),
			colLabels: dimLabels,
			scale: vScale,
		},
	];
}

/**
 * One image of the `steps` view (see {@link STEPS_PARTS}): two panels side by side with a number in every cell, the
 * right one without row labels (its rows are the left one's), laid out so a row can be followed across both.
 */
export function layoutStepsPart(data: AttentionData, part: StepsPart, measure: TextMeasurer = measureText): Scene {
	const all = stepsPanels(data);
	const [left, right] = STEPS_PARTS[part]!.panels.map((i, k) => ({ ...all[i]!, hideRowLabels: k === 1 }));
	const t = stepsOf(data).scores.length;
	const total = data.tokens.length;
	const { padding } = THEME;
	const dims = Math.min(STEPS_DIMS_SHOWN, data.headDim);
	const title = tr('attention.chart.stepsTitle', {
		part: part + 1,
		parts: STEPS_PARTS.length,
		head: headName(data),
		model: data.model,
	});
	const text = {
		title,
		subtitle: tr('attention.chart.stepsSubtitle', {
			which: t < total ? tr('attention.chart.stepsFirst', { t, total }) : tr('attention.chart.stepsAll', { count: t }),
			text: textPreview(
				data.tokens
					.slice(0, t)
					.map((x) => x.text)
					.join(''),
				80,
			),
			dk: data.headDim,
		}),
		footer: tr(STEPS_PARTS[part]!.footer, {
			dk: data.headDim,
			root: Math.sqrt(data.headDim).toFixed(3),
			dims,
		}),
	};
	const header = layoutHeader(text, WIDTH, measure);
	// One cell size for both panels, the largest that fits them side by side in the width.
	const probe = { x: 0, y: 0, w: 10_000, h: 10_000 };
	const labelRoom = panelSize({ ...left!, colLabels: [] }, probe, measure).w;
	const cols = left!.colLabels.length + right!.colLabels.length;
	const cell = Math.floor((WIDTH - 2 * padding - labelRoom - GAP) / cols);
	const sized = [left!, right!].map((p) => ({ ...p, maxCell: Math.min(p.maxCell ?? 64, cell) }));
	const sizes = sized.map((p) => panelSize(p, probe, measure));
	const rowH = Math.max(...sizes.map((s) => s.h));
	// Each panel gets a share of the width by its columns, so the titles have room however few tokens there are.
	const spare = WIDTH - 2 * padding - labelRoom - GAP;
	const slots = [labelRoom + Math.floor((spare * left!.colLabels.length) / cols), 0];
	slots[1] = WIDTH - 2 * padding - GAP - slots[0]!;
	const items: SceneItem[] = [...header.items];
	let x = padding;
	sized.forEach((panel, i) => {
		// Grids aligned at their top: a panel with shorter column labels starts lower.
		const box = { x, y: header.bottom + rowH - sizes[i]!.h, w: slots[i]!, h: sizes[i]!.h };
		items.push(...layoutPanel(panel, box, measure));
		x += slots[i]! + GAP;
	});
	const footer = layoutFooter(text, WIDTH, 10_000, measure, FOOTER_LINES);
	const height = Math.ceil(header.bottom + rowH + 24 + footer.height + padding);
	items.push(...layoutFooter(text, WIDTH, height, measure, FOOTER_LINES).items);
	const panels = sized.map((p) => p.title).join(' · ');
	return cardScene(WIDTH, height, items, tr('attention.chart.stepsAlt', { title, t, panels }));
}
