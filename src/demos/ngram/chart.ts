import {
	barValueLabel,
	categorical,
	layoutBarChart,
	measureText,
	niceDomain,
	THEME,
	type BarChartInput,
	type Scene,
	type SceneItem,
	type TextMeasurer,
} from '../../charts/index.js';
import { cardScene, layoutFooter, layoutHeader } from '../../charts/frame.js';
import { previewText } from '../tokenize/visible.js';
import type { NgramPanel, NgramView } from './view.js';

/** docs/display-standard.md: 1,200 px keeps the 22 px labels at ≥ 7 px on a phone. */
const WIDTH = 1200;
/** Tall enough for eight bars whose 22 px labels do not touch. */
const PANEL_HEIGHT = 450;
const GAP = 16;

/** `4.67 nats/token held out`: the figure each panel's title carries. */
export function heldOutText(nats: number): string {
	return `${nats.toFixed(2)} nats/token held out`;
}

/** What a panel's model looked at, in a few words; `token` formats each context token (a code span in a reply). */
export function contextText(panel: NgramPanel, token: (label: string) => string = (label) => label): string {
	const shown = panel.context.map(token).join(' ');
	if (panel.model === 'unigram') return 'no context: how common each token is in the training text';
	if (panel.model === 'tiny-gpt')
		return panel.contextTokens === 1
			? `the prompt’s one token, ${shown}`
			: `all ${panel.contextTokens} prompt tokens (last: ${shown})`;
	if (panel.seen === undefined) return 'the prompt has one token: the bigram’s distribution';
	if (panel.seen === 0)
		return `after ${shown}: never in the training text, so the ${panel.model === 'trigram' ? 'bigram' : 'unigram'} decides`;
	return `after ${shown}: seen ${panel.seen.toLocaleString('en-US')}× with ${panel.distinct!.toLocaleString('en-US')} different next tokens`;
}

/** One panel's bar chart: the model's top next tokens, on the value axis every panel shares. */
export function panelChart(panel: NgramPanel, index: number, domain: [number, number], width: number): BarChartInput {
	return {
		title: `${panel.model} · ${heldOutText(panel.heldOut)}`,
		subtitle: contextText(panel),
		categories: panel.rows.map((r) => r.label),
		series: [{ name: panel.model, values: panel.rows.map((r) => r.p), color: categorical(index) }],
		orientation: 'horizontal',
		valueAxis: { format: 'percent', domain },
		showValues: true,
		width,
		height: PANEL_HEIGHT,
	};
}

/**
 * "Why context matters": four panels, one per model (unigram, bigram, trigram, tiny-gpt), each with its top next
 * tokens after the prompt and its held-out cross-entropy in the title. All panels share one probability axis, so a
 * flat unigram and a confident trigram look it.
 */
export function layoutNgramChart(view: NgramView, measure: TextMeasurer = measureText): Scene {
	const { padding } = THEME;
	const header = layoutHeader(
		{
			title: 'The next token: counting n-grams against a transformer',
			subtitle: `“${previewText(view.prompt, 80)}” → each model’s most likely next tokens. Lower held-out nats/token = better predictions of unseen text.`,
		},
		WIDTH,
		measure,
	);
	const footerText = {
		title: '',
		footer:
			`Counted on tiny-gpt’s ${view.trainTokens.toLocaleString('en-US')} training tokens, in its own ${view.vocabulary}-token vocabulary. ` +
			'Unigram: add-one smoothing; bigram and trigram: Witten–Bell interpolation with the order below.',
	};
	const panelWidth = (WIDTH - 2 * padding - GAP) / 2;
	const probe = layoutFooter(footerText, WIDTH, 0, measure);
	const height = header.bottom + 2 * PANEL_HEIGHT + GAP + 16 + probe.height + padding;
	const footer = layoutFooter(footerText, WIDTH, height, measure);
	const top = Math.max(...view.panels.flatMap((p) => p.rows.map((r) => r.p)));
	const domain = niceDomain(0, top);
	const items: SceneItem[] = [...header.items, ...footer.items];
	const descriptions: string[] = [];
	view.panels.forEach((panel, i) => {
		const scene = layoutBarChart(panelChart(panel, i, domain, panelWidth), measure);
		items.push({
			kind: 'group',
			role: `panel-${panel.model}`,
			dx: padding + (i % 2) * (panelWidth + GAP),
			dy: header.bottom + Math.floor(i / 2) * (PANEL_HEIGHT + GAP),
			items: scene.items,
		});
		descriptions.push(
			`${panel.model} (${panel.heldOut.toFixed(2)} nats/token): ${panel.rows
				.slice(0, 3)
				.map((r) => `${r.label} ${barValueLabel(r.p, 'percent')}`)
				.join(', ')}`,
		);
	});
	return cardScene(WIDTH, height, items, `Four bar charts of the next token. ${descriptions.join('; ')}.`);
}
