import type { APIEmbed } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { SampleChart } from './task.js';
import type { Reply } from '../../core/reply.js';
import { visibleText } from '../../core/visible-text.js';
import { LIMITS } from '../../core/limits.js';
import { escapeMarkdown } from '../rerun/summary.js';
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

/**
 * Member or model text as a block quote, line by line, markdown escaped and invisible characters named: prose that
 * wraps on a phone, where a code block would run off the screen. At most `max` characters, cut with `…`.
 */
export function quoteBlock(text: string, max = Infinity): string {
	const quote = (t: string) =>
		t
			.split('\n')
			.map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
			.join('\n');
	const chars = [...text];
	let keep = chars.length;
	let out = quote(text);
	while (out.length > max && keep > 0) {
		keep = Math.floor(keep * 0.9);
		out = `${quote(chars.slice(0, keep).join(''))}…`;
	}
	return out === '>' ? '> ∅' : out;
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
			quoteBlock(run.text),
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
	const more = d.counts.length > 10 ? `\n… ${d.counts.length - 10} more in ${DRAWS_CSV}` : '';
	return {
		title: `${d.samples} draws of the next token`,
		description: `Each run’s first token, drawn from the same distribution (after temperature and filters). Most drawn:\n\`\`\`\n${lines.join('\n')}${more}\n\`\`\``,
		color: COLOR,
		image: { url: `attachment://${chart.name}` },
	};
}

/** The attached table of every token drawn, for a spreadsheet. */
export const DRAWS_CSV = 'sample-draws.csv';

/** Every drawn token with its count, share of the draws and probability, most drawn first (RFC 4180 CSV). */
export function drawsCsv(d: NonNullable<SampleResult['draws']>): string {
	const field = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
	const rows = d.counts.map((c) => [c.id, field(c.label), c.count, c.count / d.samples, c.final].join(','));
	return `${['id', 'token', 'count', 'share', 'p'].join(',')}\n${rows.join('\n')}\n`;
}

/** The /sample reply: the text with each token's probability, the next-token chart, and with `samples` the histogram. */
export function sampleReply(r: SampleResult, charts: readonly SampleChart[], quota = ''): Reply {
	const s = r.settings;
	const next = charts.find((c) => c.name === 'sample-next.png')!;
	const fields = r.continuations.slice(1).map((run, i) => ({
		name: `Run ${i + 2} (numbers ${run.firstNumber}–${run.firstNumber + run.pieces.length - 1} of the stream)`,
		value: quoteBlock(run.text, LIMITS.fieldValue),
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
	const files = charts.map((c) => ({ name: c.name, data: toBuffer(c.png), description: c.description }));
	if (draws && r.draws)
		files.push({
			name: DRAWS_CSV,
			data: Buffer.from(drawsCsv(r.draws)),
			description: `Every token drawn in the ${r.draws.samples} draws, with its count and probability.`,
		});
	return { embeds: draws ? [main, draws] : [main], files };
}
