import { formatNumber, measureText, niceDomain, niceTicks, PALETTE, THEME } from '../../charts/index.js';
import { cardScene, layoutFooter, layoutHeader } from '../../charts/frame.js';
import type { Scene, SceneItem } from '../../charts/index.js';
import type { TextMeasurer } from '../../charts/text.js';
import type { BeamView } from './beam.js';
import { promptTail } from './charts.js';
import { t } from '../../i18n/index.js';

const WIDTH = 900;
const HEIGHT = 620;
const BEST = PALETTE[1];
const GREEDY = PALETTE[0];
const KEPT = '#8a8f99';
const PRUNED = '#4a4e57';
const LABEL_CHARS = 7;

const short = (label: string): string => {
	const chars = [...label];
	return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label;
};

/**
 * The beam-search tree: x is the step, y the cumulative log-probability. Every candidate the search looked at is a
 * dot joined to its parent: pruned ones grey and faint, kept ones grey, the best final beam in orange with its tokens
 * labelled above, and greedy decoding's path dashed in blue with its tokens below.
 */
export function layoutBeamTree(view: BeamView, measure: TextMeasurer = measureText): Scene {
	const { padding, fonts } = THEME;
	const best = view.beams[0]!;
	const header = layoutHeader(
		{
			title: t('sample.beam.chartTitle', { width: view.width }),
			subtitle: t('sample.beam.chartSubtitle', {
				prompt: promptTail(view.prompt),
				length: view.length,
				model: view.model,
			}),
		},
		WIDTH,
		measure,
	);
	const footerText = {
		title: '',
		footer: view.partAt === null ? t('sample.beam.chartAgree') : t('sample.beam.chartPart', { token: view.partAt + 1 }),
	};
	const footer = layoutFooter(footerText, WIDTH, HEIGHT, measure);
	const plot = { x: padding + 52, y: header.bottom + 10, w: 0, h: 0 };
	plot.w = WIDTH - padding - plot.x - 30;
	plot.h = HEIGHT - padding - footer.height - plot.y - 34;
	const all = [0, ...view.nodes.map((n) => n.cumulative), ...view.greedy.cumulative];
	const [lo] = niceDomain(Math.min(...all), 0);
	const xOf = (depth: number) => plot.x + (depth / view.length) * plot.w;
	const yOf = (score: number) => plot.y + (score / lo) * plot.h;
	const items: SceneItem[] = [...header.items, ...footer.items];
	for (const tick of niceTicks(lo, 0, 6)) {
		const y = yOf(tick);
		items.push(
			{ kind: 'line', role: 'grid', x1: plot.x, y1: y, x2: plot.x + plot.w, y2: y, color: THEME.grid, width: 1 },
			{
				kind: 'text',
				role: 'tick-label',
				x: plot.x - 8,
				y,
				text: formatNumber(tick),
				font: fonts.tick,
				color: THEME.textMuted,
				align: 'right',
				baseline: 'middle',
			},
		);
	}
	const xStep = view.length > 10 ? 5 : 1;
	for (let depth = 0; depth <= view.length; depth += xStep) {
		items.push({
			kind: 'text',
			role: 'tick-label',
			x: xOf(depth),
			y: plot.y + plot.h + 10,
			text: depth === 0 ? t('sample.beam.tickPrompt') : t('sample.beam.tickToken', { index: depth }),
			font: fonts.tick,
			color: THEME.textMuted,
			align: 'center',
			baseline: 'top',
		});
	}
	const point = (node: number) => {
		const n = view.nodes[node];
		return n === undefined ? { x: xOf(0), y: yOf(0) } : { x: xOf(n.depth), y: yOf(n.cumulative) };
	};
	// Pruned first, then kept, then the two paths, so the highlighted lines are drawn on top.
	for (const kept of [false, true]) {
		view.nodes.forEach((n, i) => {
			if (n.kept !== kept) return;
			const from = point(n.parent);
			const to = point(i);
			const color = kept ? KEPT : PRUNED;
			items.push(
				{
					kind: 'line',
					role: kept ? 'kept-edge' : 'pruned-edge',
					x1: from.x,
					y1: from.y,
					x2: to.x,
					y2: to.y,
					color,
					width: 1,
				},
				{ kind: 'circle', role: kept ? 'kept-node' : 'pruned-node', cx: to.x, cy: to.y, r: kept ? 3 : 2, fill: color },
			);
		});
	}
	const greedyPoints = [xOf(0), yOf(0), ...view.greedy.cumulative.flatMap((c, i) => [xOf(i + 1), yOf(c)])];
	items.push({ kind: 'polyline', role: 'greedy-path', points: greedyPoints, color: GREEDY, width: 2.5, dash: [7, 5] });
	const bestPoints = [xOf(0), yOf(0), ...best.cumulative.flatMap((c, i) => [xOf(i + 1), yOf(c)])];
	items.push({ kind: 'polyline', role: 'best-path', points: bestPoints, color: BEST, width: 3 });
	const labelEvery = view.length > 12 ? 2 : 1;
	const pathLabels = (seq: BeamView['greedy'], color: string, role: string, above: boolean) =>
		seq.labels.forEach((label, i) => {
			const same = view.greedy.tokens[i] === best.tokens[i] && seq !== best;
			if (i % labelEvery !== 0 && view.partAt !== i) return;
			if (same) return; // greedy's label is written once, by the best beam, where they agree
			items.push({
				kind: 'text',
				role,
				x: xOf(i + 1),
				y: yOf(seq.cumulative[i]!) + (above ? -8 : 8),
				text: short(label),
				font: fonts.label,
				color,
				align: 'center',
				baseline: above ? 'bottom' : 'top',
			});
		});
	pathLabels(best, BEST, 'best-label', true);
	pathLabels(view.greedy, GREEDY, 'greedy-label', false);
	const description = t('sample.beam.chartDescription', {
		width: view.width,
		length: view.length,
		nodes: view.nodes.length,
		pruned: view.nodes.filter((n) => !n.kept).length,
		best: best.score.toFixed(2),
		greedy: view.greedy.score.toFixed(2),
	});
	return cardScene(WIDTH, HEIGHT, items, description);
}
