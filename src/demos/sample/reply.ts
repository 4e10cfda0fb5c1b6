import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { SampleChart } from '../../compute/tasks/sample.js';
import type { Reply } from '../../core/reply.js';
import { visibleText } from '../../core/visible-text.js';
import type { FilterCut } from './distribution.js';
import { seedRule, settingsLine } from './input.js';
import type { Continuation, SampleResult } from './result.js';

const COLOR = 0xe69f00;
/** A probability as a percent: one decimal from 0.1%, else two significant digits, never in exponent notation. */
export function pct(x: number): string {
	const percent = x * 100;
	if (percent >= 0.1 || percent === 0) return `${percent.toFixed(1)}%`;
	if (percent < 1e-4) return '<0.0001%';
	return `${Number(percent.toPrecision(2))}%`;
}
const TOKEN_W = 14;

/** Member or model text inside a code block, line by line with invisible characters named: a ``` would end it early. */
export function inCodeBlock(text: string): string {
	const lines = text.split('\n').map((line) => visibleText(line));
	return `\`\`\`\n${lines.join('\n').replace(/```/g, 'ˋˋˋ') || ' '}\n\`\`\``;
}

/** A short piece of member text in a code span, invisible characters named, cut to `max` characters from the end. */
function span(text: string, max: number): string {
	const chars = [...visibleText(text).replace(/`/g, 'ˋ')];
	return `\`${chars.length > max ? `…${chars.slice(-max).join('')}` : chars.join('')}\``;
}

function padToken(label: string): string {
	const chars = [...label.replace(/```/g, 'ˋˋˋ')];
	const cut = chars.length > TOKEN_W ? `${chars.slice(0, TOKEN_W - 1).join('')}…` : chars.join('');
	return cut + ' '.repeat(Math.max(0, TOKEN_W - [...cut].length));
}

/** The token-by-token table of a run: each token with the probability it was drawn with and the model's own. */
export function tokenTable(run: Continuation): string {
	const lines = run.pieces.map(
		(p, i) =>
			`${String(i + 1).padStart(2)}  ${padToken(p.label)} ${pct(p.final).padStart(7)}  ${pct(p.raw).padStart(7)}`,
	);
	return `\`\`\`\n #  ${'token'.padEnd(TOKEN_W)} ${'p'.padStart(7)}  ${'p(T=1)'.padStart(7)}\n${lines.join('\n')}\n\`\`\``;
}

/** What each active filter did, with the numbers to check it: `top-p 0.9 kept 14 tokens, whose sum reached 90.3%`. */
export function cutSentence(cut: FilterCut): string {
	const kept = `kept ${cut.kept.toLocaleString('en-US')} token${cut.kept === 1 ? '' : 's'}`;
	switch (cut.filter) {
		case 'top-k':
			return `top-k ${cut.param} ${kept}${cut.cutoff === undefined ? ' (k is at least the number of candidates, so all stay)' : ` (those with p ≥ the k-th largest, ${pct(cut.cutoff)})`}`;
		case 'top-p':
			return `top-p ${cut.param} ${kept}, the fewest most likely whose sum reached ${pct(cut.cutoff ?? 1)}`;
		case 'min-p':
			return `min-p ${cut.param} ${kept}, those with p ≥ ${cut.param} × p_max = ${pct(cut.cutoff ?? 0)}`;
	}
}

function mainDescription(r: SampleResult): string {
	const s = r.settings;
	const run = r.continuations[0]!;
	const lines: string[] = [];
	const length =
		r.promptTokens === undefined
			? ''
			: ` (${r.promptTokens} token${r.promptTokens === 1 ? '' : 's'}${r.contextLength && r.promptTokens > r.contextLength ? `; the model sees the last ${r.contextLength}, its context` : ''})`;
	lines.push(`**Prompt**${length}: ${span(r.prompt, 160)}`);
	if (r.next.greedy)
		lines.push(
			'**Temperature 0 = greedy**: the most likely token every time (ties: the lowest id), so the seed does not matter.',
		);
	const seed = r.next.greedy
		? ''
		: s.seedChosen
			? `, seed ${s.seed}`
			: `, seed ${s.seed}, drawn at random: add \`seed:${s.seed}\` to repeat it`;
	if (r.engine === 'local') {
		lines.push(
			`**Run 1**: ${run.pieces.length} token${run.pieces.length === 1 ? '' : 's'}${seed}`,
			inCodeBlock(run.text),
		);
	} else {
		lines.push(
			`**Drawn**: ${span(run.text, 40)}${seed}. The API gives the probabilities of one position per request, so the real model shows one token (\`tokens\` is not used).`,
			`Its top 20 hold ${pct(r.covered ?? 1)} of its probability; /sample renormalises them to 100% and applies the filters to those 20. The server itself chose ${span(r.serverChoice ?? '', 40)}.`,
		);
	}
	if (r.next.cuts.length > 0)
		lines.push(`**Filters** (in this order, after the temperature): ${r.next.cuts.map(cutSentence).join('; ')}.`);
	lines.push(
		'**Token by token**: p = its probability after temperature and filters (what it was drawn with); p(T=1) = the model’s own.',
		tokenTable(run),
	);
	return lines.join('\n');
}

function drawsEmbed(r: SampleResult, chart: SampleChart | undefined): APIEmbed | undefined {
	if (!r.draws || !chart) return undefined;
	const d = r.draws;
	const lines = d.counts
		.slice(0, 10)
		.map(
			(c) =>
				`${padToken(c.label)} ${String(c.count).padStart(4)} × ${pct(c.count / d.samples).padStart(6)}   p ${pct(c.final).padStart(6)}`,
		);
	const more = d.counts.length > 10 ? `\n… and ${d.counts.length - 10} more tokens drawn` : '';
	return {
		title: `${d.samples} draws of the next token`,
		description: `Each run’s first token, drawn from the same distribution (after temperature and filters). Most drawn:\n\`\`\`\n${lines.join('\n')}${more}\n\`\`\``,
		color: COLOR,
		image: { url: `attachment://${chart.name}` },
	};
}

/** The /sample reply: the text with each token's probability, the next-token chart, and with `samples` the histogram. */
export function sampleReply(r: SampleResult, charts: readonly SampleChart[], quota = ''): Reply {
	const s = r.settings;
	const next = charts.find((c) => c.name === 'sample-next.png')!;
	const fields = r.continuations.slice(1).map((run, i) => ({
		name: `Run ${i + 2} (numbers ${run.firstNumber}–${run.firstNumber + run.pieces.length - 1} of the stream)`,
		value: inCodeBlock([...run.text].slice(0, 900).join('')),
	}));
	const main: APIEmbed = {
		title: r.engine === 'local' ? `${r.model} continues your prompt` : `${r.model}: the next token`,
		description: mainDescription(r),
		color: COLOR,
		image: { url: `attachment://${next.name}` },
		...(fields.length > 0 ? { fields } : {}),
		footer: { text: [settingsLine(s), seedRule(s, s.tokens, r.next.greedy), quota].filter(Boolean).join(' · ') },
	};
	const draws = drawsEmbed(
		r,
		charts.find((c) => c.name === 'sample-draws.png'),
	);
	return {
		embeds: draws ? [main, draws] : [main],
		files: charts.map((c) => ({ name: c.name, data: toBuffer(c.png), description: c.description })),
	};
}
