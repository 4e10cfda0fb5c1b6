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
import { t } from '../../i18n/index.js';
import { previewText } from '../tokenize/visible.js';
import type { NgramPanel, NgramView } from './view.js';

/** docs/display-standard.md: 1,200 px keeps the 22 px labels at ≥ 7 px on a phone. */
const WIDTH = 1200;
/** Tall enough for eight bars whose 22 px labels do not touch. */
const PANEL_HEIGHT = 450;
const GAP = 16;

/** A model's name as members read it (tiny-gpt stays as it is). */
export function modelName(model: NgramPanel['model']): string {
	return model === 'tiny-gpt' ? model : t(`ngram.models.${model}`);
}

/** `4.67 nats/token held out`: the figure each panel's title carries. */
export function heldOutText(nats: number): string {
	return t('ngram.heldOut', { nats: nats.toFixed(2) });
}

/** What a panel's model looked at, in a few words; `token` formats each context token (a code span in a reply). */
export function contextText(panel: NgramPanel, token: (label: string) => string = (label) => label): string {
	const shown = panel.context.map(token).join(' ');
	if (panel.model === 'unigram') return t('ngram.context.unigram');
	if (panel.model === 'tiny-gpt')
		return panel.contextTokens === 1
			? t('ngram.context.tinyOne', { shown })
			: t('ngram.context.tinyAll', { count: panel.contextTokens, shown });
	if (panel.seen === undefined) return t('ngram.context.oneToken');
	if (panel.seen === 0)
		return t('ngram.context.never', { shown, lower: modelName(panel.model === 'trigram' ? 'bigram' : 'unigram') });
	return t('ngram.context.seen', {
		shown,
		seen: panel.seen.toLocaleString('en-US'),
		distinct: panel.distinct!.toLocaleString('en-US'),
	});
}

/** One panel's bar chart: the model's top next tokens, on the value axis every panel shares. */
export function panelChart(panel: NgramPanel, index: number, domain: [number, number], width: number): BarChartInput {
	return {
		title: `${modelName(panel.model)} · ${heldOutText(panel.heldOut)}`,
		subtitle: contextText(panel),
		categories: panel.rows.map((r) => r.label),
		series: [{ name: modelName(panel.model), values: panel.rows.map((r) => r.p), color: categorical(index) }],
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
			title: t('ngram.chart.title'),
			subtitle: t('ngram.chart.subtitle', { prompt: previewText(view.prompt, 80) }),
		},
		WIDTH,
		measure,
	);
	const footerText = {
		title: '',
		footer: t('ngram.chart.footer', {
			tokens: view.trainTokens.toLocaleString('en-US'),
			vocabulary: view.vocabulary,
		}),
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
			t('ngram.chart.panel', {
				model: modelName(panel.model),
				nats: panel.heldOut.toFixed(2),
				top: panel.rows
					.slice(0, 3)
					.map((r) => `${r.label} ${barValueLabel(r.p, 'percent')}`)
					.join(', '),
			}),
		);
	});
	return cardScene(WIDTH, height, items, t('ngram.chart.description', { panels: descriptions.join('; ') }));
}
