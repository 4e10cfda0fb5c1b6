import { renderBarChart, type BarChartInput } from '../../charts/index.js';
import { FAMILIES, loadFamily, replaceLoneSurrogates, type Family } from '../../models/tokenizers/index.js';
import { characterCount } from './input.js';
import { previewText } from './visible.js';

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
		title: 'One text, every tokenizer: how many tokens',
		subtitle: `“${previewText(text)}”`,
		footer: `Fewer tokens = cheaper and more text in the context. claude is the tokenizer Anthropic published for its earlier models.`,
		categories: sorted.map((c) => `${c.family} · ${c.perToken.toFixed(2)} ch/tok`),
		series: [{ name: 'tokens', values: sorted.map((c) => c.tokens) }],
		orientation: 'horizontal',
		valueAxis: { title: 'tokens' },
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
