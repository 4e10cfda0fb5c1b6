import type { FilteredDistribution, FilterName } from '../../models/sampling/index.js';
import { CHART_TOP } from './input.js';

/** One candidate next token as the chart and the reply show it. */
export interface TokenRow {
	/** The token's id (for the real model: its rank in the server's list, 0-based). */
	id: number;
	text: string;
	/** How charts and tables show it (see `displayToken`). */
	label: string;
	/** 1-based rank by the model's own probability (ties: lower id first). */
	rank: number;
	/** softmax of the logits as they are (temperature 1). */
	raw: number;
	/** After the temperature. */
	tempered: number;
	/** After every filter, renormalised: what the draw uses. */
	final: number;
	/** top-p only: the running sum of the top-p input's probabilities down to this token. */
	cumulative?: number;
}

/** A token's text and its label for charts and tables. */
export interface ShownToken {
	text: string;
	label: string;
}

/** Where one cutting filter cut. */
export interface FilterCut {
	filter: Exclude<FilterName, 'temperature'>;
	param: number;
	/** Tokens still in the running after this filter. */
	kept: number;
	/** top-k: the k-th probability; top-p: the kept set's cumulative probability; min-p: min_p × p_max. */
	cutoff?: number;
}

/** The next-token distribution after the prompt, summarised for one chart. */
export interface NextTokenView {
	/** Tokens the distribution is over: the model's vocabulary, or the real model's top 20. */
	vocabulary: number;
	temperature: number;
	greedy: boolean;
	/** The top {@link CHART_TOP} by the model's probability; one more when the sampled token ranks lower. */
	rows: TokenRow[];
	/** Mass of every token not in `rows`, before and after the filters. */
	othersRaw: number;
	othersFinal: number;
	/** The active cutting filters, in the order applied. */
	cuts: FilterCut[];
	/** Tokens left after all filters. */
	kept: number;
	/** Index in `rows` of the token drawn (run 1's first token). */
	sampledRow: number;
}

/** Token ids by descending probability, ties broken by the lower id: the order the filters walk. */
export function rankOrder(probs: ArrayLike<number>): number[] {
	return Array.from({ length: probs.length }, (_, i) => i).sort(
		(a, b) => (probs[b] as number) - (probs[a] as number) || a - b,
	);
}

/**
 * Summarises a filtered distribution for the chart: the most likely tokens with their probability at T = 1, after the
 * temperature and after all filters; where each active filter cut; the top-p cumulative sums; and the sampled token.
 */
export function summarise(
	filtered: FilteredDistribution,
	sampled: number,
	tokenOf: (id: number) => ShownToken,
	top = CHART_TOP,
): NextTokenView {
	const temperature = filtered.steps[0]!;
	const raw = temperature.before;
	const order = rankOrder(raw);
	const shownIds = order.slice(0, top);
	if (!shownIds.includes(sampled)) shownIds.push(sampled);
	const topP = filtered.steps.find((s) => s.name === 'top-p')!;
	const cumulativeAt = new Map<number, number>();
	if (topP.active && topP.order && topP.cumulative)
		topP.order.forEach((id, r) => cumulativeAt.set(id, topP.cumulative![r]!));
	const lastCumulative =
		topP.cumulative && topP.cumulative.length > 0 ? topP.cumulative[topP.cumulative.length - 1]! : 1;
	const rows = shownIds.map((id): TokenRow => ({
		id,
		...tokenOf(id),
		rank: order.indexOf(id) + 1,
		raw: raw[id]!,
		tempered: temperature.after[id]!,
		final: filtered.probs[id]!,
		...(topP.active ? { cumulative: cumulativeAt.get(id) ?? lastCumulative } : {}),
	}));
	const sum = (pick: (r: TokenRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
	return {
		vocabulary: raw.length,
		temperature: temperature.param,
		greedy: filtered.greedy,
		rows,
		othersRaw: Math.max(0, 1 - sum((r) => r.raw)),
		othersFinal: Math.max(0, 1 - sum((r) => r.final)),
		cuts: filtered.steps
			.filter((s) => s.name !== 'temperature' && s.active)
			.map((s) => ({
				filter: s.name as FilterCut['filter'],
				param: s.param,
				kept: s.kept.length,
				...(s.cutoff === undefined ? {} : { cutoff: s.cutoff }),
			})),
		kept: filtered.kept.length,
		sampledRow: rows.findIndex((r) => r.id === sampled),
	};
}
