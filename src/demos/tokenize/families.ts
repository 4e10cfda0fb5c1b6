import { renderBarChart, type BarChartInput } from '../../charts/index.js';
import { FAMILIES, loadFamily, replaceLoneSurrogates, type Family } from '../../models/tokenizers/index.js';
import { characterCount } from './input.js';
import { previewText } from './visible.js';
import { t } from '../../i18n/index.js';

/** One family's count for the text. */
export interface FamilyCount {
	family: Family;
	tokens: number;
	/** Characters (code points) per token. */
	perToken: number;
}

export interface FamilyCountsOutput {
	characters: number;
	counts: FamilyCount[];
	chart: BarChartInput;
	png: Uint8Array;
}

/** The bar chart of every family's token count, fewest first, each labelled with its characters per token. */
export function familyCountsChart(text: string, counts: readonly FamilyCount[]): BarChartInput {
	const sorted = [...counts].sort((a, b) => a.tokens - b.tokens);
	return {
		title: t('tokenize.families.chartTitle'),
		subtitle: `“${previewText(text)}”`,
		footer: t('tokenize.families.chartFooter'),
		categories: sorted.map((c) =>
			t('tokenize.families.category', { family: c.family, perToken: c.perToken.toFixed(2) }),
		),
		series: [{ name: t('tokenize.families.series'), values: sorted.map((c) => c.tokens) }],
		orientation: 'horizontal',
		valueAxis: { title: t('tokenize.families.series') },
		showValues: true,
		width: 900,
		height: 560,
	};
}

/** Counts the text's tokens with every family's tokenizer (each loaded on first use) and draws the chart. */
export async function familyCounts(input: { text: string }): Promise<FamilyCountsOutput> {
	const clean = replaceLoneSurrogates(input.text);
	const characters = characterCount(clean);
	const counts: FamilyCount[] = [];
	for (const family of FAMILIES) {
		const tokens = (await loadFamily(family)).encode(clean).length;
		counts.push({ family, tokens, perToken: tokens > 0 ? characters / tokens : 0 });
	}
	const chart = familyCountsChart(input.text, counts);
	return { characters, counts, chart, png: await renderBarChart(chart) };
}

/** The encoding:all task, spread into the task registry. */
export const tokenizeFamilyTasks = {
	'tokenize.families': familyCounts,
};
