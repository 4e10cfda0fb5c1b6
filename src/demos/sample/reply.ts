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
import { t } from '../../i18n/index.js';

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
	const kept = t('sample.cut.kept', { count: cut.kept, n: cut.kept.toLocaleString('en-US') });
	switch (cut.filter) {
		case 'top-k':
			return cut.cutoff === undefined
				? t('sample.cut.topKAll', { param: cut.param, kept })
				: t('sample.cut.topK', { param: cut.param, kept, cutoff: pct(cut.cutoff) });
		case 'top-p':
			return t('sample.cut.topP', { param: cut.param, kept, cutoff: pct(cut.cutoff ?? 1) });
		case 'min-p':
			return t('sample.cut.minP', { param: cut.param, kept, cutoff: pct(cut.cutoff ?? 0) });
	}
}

function mainDescription(r: SampleResult, note: string): string {
	const s = r.settings;
	const run = r.continuations[0]!;
	const lines: string[] = [];
	const length =
		r.promptTokens === undefined
			? ''
			: t('sample.reply.promptTokens', {
					count: r.promptTokens,
					context:
						r.contextLength && r.promptTokens > r.contextLength
							? t('sample.reply.promptContext', { context: r.contextLength })
							: '',
				});
	lines.push(t('sample.reply.prompt', { length, prompt: span(r.prompt, 160) }));
	if (note) lines.push(note);
	if (r.next.greedy) lines.push(t('sample.reply.greedy'));
	const seed = r.next.greedy
		? ''
		: s.seedChosen
			? t('sample.reply.seed', { seed: s.seed })
			: t('sample.reply.seedDrawn', { seed: s.seed });
	if (r.engine === 'local') {
		lines.push(t('sample.reply.run1', { count: run.pieces.length, seed }), quoteBlock(run.text));
	} else {
		lines.push(
			t('sample.reply.drawn', { token: span(run.text, 40), seed }),
			t('sample.reply.covered', { covered: pct(r.covered ?? 1), choice: span(r.serverChoice ?? '', 40) }),
		);
	}
	if (r.next.cuts.length > 0) lines.push(t('sample.reply.filters', { cuts: r.next.cuts.map(cutSentence).join('; ') }));
	lines.push(t('sample.reply.tokenByToken'), tokenTable(run));
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
	const more =
		d.counts.length > 10 ? `\n${t('sample.reply.drawsMore', { count: d.counts.length - 10, file: DRAWS_CSV })}` : '';
	return {
		title: t('sample.reply.drawsTitle', { count: d.samples }),
		description: `${t('sample.reply.drawsDescription')}\n\`\`\`\n${lines.join('\n')}${more}\n\`\`\``,
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

/**
 * The /sample reply: the text with each token's probability, the next-token chart, and with `samples` the histogram.
 * `note` (see englishOnlyNote) follows the prompt line.
 */
export function sampleReply(r: SampleResult, charts: readonly SampleChart[], quota = '', note = ''): Reply {
	const s = r.settings;
	const next = charts.find((c) => c.name === 'sample-next.png')!;
	const fields = r.continuations.slice(1).map((run, i) => ({
		name: t('sample.reply.run', {
			run: i + 2,
			from: run.firstNumber,
			to: run.firstNumber + run.pieces.length - 1,
		}),
		value: quoteBlock(run.text, LIMITS.fieldValue),
	}));
	const main: APIEmbed = {
		title: t(r.engine === 'local' ? 'sample.reply.titleLocal' : 'sample.reply.titleOpenAi', { model: r.model }),
		description: mainDescription(r, note),
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
			description: t('sample.reply.csvDescription', { count: r.draws.samples }),
		});
	return { embeds: draws ? [main, draws] : [main], files };
}
