import { textOn } from '../../charts/color.js';
import { cardScene, layoutFooter, layoutHeader } from '../../charts/frame.js';
import { layoutColorBar } from '../../charts/legend.js';
import {
	HIGHLIGHT,
	measureText,
	sequentialScale,
	THEME,
	truncate,
	type HeatmapInput,
	type Scene,
	type SceneItem,
	type TextMeasurer,
} from '../../charts/index.js';
import type { ResidualData } from './data.js';
import { numberedLabel, textPreview, tokenLabel } from './model-text.js';
import { t } from '../../i18n/index.js';

/** The lens draws at most this many positions (the last ones): a cell must hold a token's text. */
export const LENS_MAX_COLUMNS = 14;

const f = (x: number, digits = 1): string => x.toFixed(digits);

/** Column names of the norms heatmap: the stream in, each sub-layer's update, the stream out. */
export function normColumns(layers: number): string[] {
	const updates = Array.from({ length: layers }, (_, l) => [
		t('residual.chart.attn', { layer: l + 1 }),
		t('residual.chart.ffn', { layer: l + 1 }),
	]).flat();
	return [
		t('residual.chart.in'),
		...updates,
		t('residual.chart.out', { x: `x${[...'₀₁₂₃₄₅₆₇₈₉'][layers] ?? layers}` }),
	];
}

/** Tokens × (stream in, every sub-layer's update, stream out): L2 norms. */
export function normsHeatmap(data: ResidualData): HeatmapInput {
	const n = data.tokens.length;
	const L = data.layers;
	const values = data.tokens.map((_, t) => [
		data.stream[0]![t]!,
		...Array.from({ length: L }, (_, l) => [data.attention[l]![t]!, data.ffn[l]![t]!]).flat(),
		data.stream[L]![t]!,
	]);
	return {
		title: t('residual.chart.normsTitle'),
		subtitle: t('residual.chart.normsSubtitle', { text: textPreview(data.tokens) }),
		footer: t('residual.chart.normsFooter', {
			first: f(data.means.stream[0]!, 2),
			layers: L,
			last: f(data.means.stream[L]!, 2),
		}),
		rowLabels: data.tokens.map((t, i) => numberedLabel(t.text, i)),
		colLabels: normColumns(L),
		values,
		scale: 'sequential',
		legendTitle: t('residual.chart.length'),
		rowAxisTitle: t('residual.chart.token'),
		width: 1200,
		height: Math.max(560, Math.min(1400, 260 + n * 28)),
	};
}

/** Which positions the lens draws: all, or the last {@link LENS_MAX_COLUMNS}. */
export function lensPositions(count: number): number[] {
	const first = Math.max(0, count - LENS_MAX_COLUMNS);
	return Array.from({ length: count - first }, (_, i) => first + i);
}

/** Row names of the lens: what the stream has been through when it is read out. */
export function lensRows(layers: number): string[] {
	return Array.from({ length: layers + 1 }, (_, depth) =>
		depth === 0
			? t('residual.chart.embeddingsOnly')
			: depth === layers
				? t('residual.chart.afterOutput', { layer: depth })
				: t('residual.chart.after', { layer: depth }),
	);
}

/**
 * The logit lens as a grid: one row per depth (the embeddings alone, then after each layer), one column per
 * position; each cell shows the most likely next token when the stream there is read out as the output would be,
 * coloured by its probability, outlined when it is the text's actual next token.
 */
export function lensScene(data: ResidualData, measure: TextMeasurer = measureText): Scene {
	// docs/display-standard.md: 1,200 px keeps the 22 px labels at ≥ 7 px on a phone.
	const width = 1200;
	const positions = lensPositions(data.tokens.length);
	const rows = lensRows(data.layers);
	const { padding } = THEME;
	const cut =
		positions.length < data.tokens.length
			? t('residual.chart.lastPositions', { shown: positions.length, count: data.tokens.length })
			: '';
	const text = {
		title: t('residual.chart.lensTitle'),
		subtitle: t('residual.chart.lensSubtitle', { cut }),
		footer: t('residual.chart.lensFooter'),
	};
	// Two 22 px lines (token over probability) with room between them.
	const cellH = 60;
	const label = THEME.fonts.label;
	const small = THEME.fonts.small;
	const header = layoutHeader(text, width, measure);
	const rowLabelW = Math.max(...rows.map((r) => measure(r, label))) + 12;
	const barW = 14;
	const legendW = 70;
	const gridX = padding + rowLabelW;
	const cellW = Math.min(110, Math.floor((width - 2 * padding - rowLabelW - legendW - 30) / positions.length));
	const top = header.bottom + label.size + 14;
	const gridH = rows.length * cellH;
	// Below the grid: the colour bar's last label (half a line), then the footer.
	const height = top + gridH + 24 + layoutFooter(text, width, 0, measure).height + padding;
	const footer = layoutFooter(text, width, height, measure);
	const scale = sequentialScale([], [0, 1]);
	const items: SceneItem[] = [...header.items];
	positions.forEach((t, c) => {
		const x = gridX + c * cellW;
		items.push({
			kind: 'text',
			role: 'col-label',
			x: x + cellW / 2,
			y: top - 8,
			text: truncate(numberedLabel(data.tokens[t]!.text, t), cellW - 4, label, measure),
			font: label,
			color: THEME.text,
			align: 'center',
			baseline: 'bottom',
		});
		const next = data.tokens[t + 1];
		rows.forEach((_, depth) => {
			const best = data.lens[depth]![t]![0]!;
			const y = top + depth * cellH;
			const fill = scale.color(best.prob);
			items.push({ kind: 'rect', role: 'lens-cell', x: x + 1, y: y + 1, w: cellW - 2, h: cellH - 2, fill });
			const ink = textOn(fill, THEME.textOnLight, '#ffffff');
			items.push({
				kind: 'text',
				role: 'lens-token',
				x: x + cellW / 2,
				y: y + cellH / 2 - 12,
				text: truncate(tokenLabel(best.text), cellW - 8, label, measure),
				font: label,
				color: ink,
				align: 'center',
				baseline: 'middle',
			});
			items.push({
				kind: 'text',
				role: 'lens-prob',
				x: x + cellW / 2,
				y: y + cellH / 2 + 13,
				text: `${f(best.prob * 100)}%`,
				font: small,
				color: ink,
				align: 'center',
				baseline: 'middle',
			});
			if (next && best.id === next.id)
				items.push({
					kind: 'rect',
					role: 'lens-hit',
					x: x + 2,
					y: y + 2,
					w: cellW - 4,
					h: cellH - 4,
					stroke: HIGHLIGHT,
					lineWidth: 2.5,
				});
		});
	});
	rows.forEach((name, depth) => {
		items.push({
			kind: 'text',
			role: 'row-label',
			x: gridX - 10,
			y: top + depth * cellH + cellH / 2,
			text: name,
			font: label,
			color: THEME.text,
			align: 'right',
			baseline: 'middle',
		});
	});
	items.push(
		...layoutColorBar(
			scale,
			{ x: gridX + positions.length * cellW + 24, y: top, w: barW, h: gridH },
			t('residual.chart.probability'),
			'percent',
		),
	);
	items.push(...footer.items);
	return cardScene(
		width,
		height,
		items,
		t('residual.chart.lensScene', { title: text.title, rows: rows.length, columns: positions.length }),
	);
}
