import type { APIEmbed } from 'discord-api-types/v10';
import type { TokenizeChartOutput, TokenizeStrip } from './task.js';
import { toBuffer } from '../../compute/compute.js';
import { LIMITS } from '../../core/limits.js';
import type { Reply } from '../../core/reply.js';
import type { ShowChoice } from './input.js';
import { formatNumber, t } from '../../i18n/index.js';

/** The chart's file name, referenced by the embed as `attachment://tokens.png`. */
export const TOKENS_FILE = 'tokens.png';

const EMBED_COLOR = 0x56b4e9;
const number = (n: number): string => formatNumber(n);

/** The longest line of the id list's code block: what a phone shows without wrapping. */
export const ID_LINE_MAX = 40;

/** The ids as a Python list broken into lines of at most {@link ID_LINE_MAX} characters; `more` ends it with `…`. */
function idLines(ids: readonly number[], more: boolean): string {
	const items = ids.map((id, i) => (i < ids.length - 1 || more ? `${id},` : String(id)));
	if (more) items.push('…');
	const lines: string[] = [];
	let line = '';
	// Each line starts with `[` or a space, and the last ends with `]`: two characters beside the ids.
	for (const item of items) {
		const candidate = line === '' ? item : `${line} ${item}`;
		if (line !== '' && candidate.length + 2 > ID_LINE_MAX) {
			lines.push(line);
			line = item;
		} else line = candidate;
	}
	lines.push(line);
	return `[${lines.join('\n ')}]`;
}

/** The name of the attached file with every id of one tokenizer. */
export const idsFileName = (model: string): string => `ids-${model}.txt`;

/**
 * The ids as a Python-style list in a code block of at most `maxChars` characters (fences included), no line longer
 * than a phone shows; when they do not all fit, cut after a whole id with `…` and a line saying how many are shown
 * and which attached file has them all, so a member can paste it into `enc.decode([…])`.
 */
export function idBlock(ids: readonly number[], maxChars: number, model = 'gpt-4o'): string {
	const fence = (body: string) => `\`\`\`py\n${body}\n\`\`\``;
	const full = fence(idLines(ids, false));
	if (full.length <= maxChars) return full;
	const note = (shown: number) =>
		`\n${t('tokenize.reply.idsCut', { shown: number(shown), total: number(ids.length), file: idsFileName(model) })}`;
	const fits = (n: number) => fence(idLines(ids.slice(0, n), true)).length + note(n).length <= maxChars;
	let lo = 0;
	let hi = ids.length - 1;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (fits(mid)) lo = mid;
		else hi = mid - 1;
	}
	return `${fence(idLines(ids.slice(0, lo), true))}${note(lo)}`;
}

/** Whether {@link idBlock} has to cut this list, so the reply attaches the whole list as a file. */
export function idsCut(ids: readonly number[], maxChars: number): boolean {
	return `\`\`\`py\n${idLines(ids, false)}\n\`\`\``.length > maxChars;
}

/** `**gpt-4o** · o200k_base: **26 tokens**, 2.19 characters per token`. */
export function countLine(strip: TokenizeStrip, characters: number): string {
	const n = strip.ids.length;
	const perToken = n > 0 ? (characters / n).toFixed(2) : '–';
	return t('tokenize.reply.countLine', {
		model: strip.model,
		encoding: strip.encoding,
		count: n,
		n: number(n),
		perToken,
	});
}

/** For `compare`: how many times more tokens the costliest tokenizer needs than the cheapest. */
export function comparisonLine(strips: readonly TokenizeStrip[]): string | undefined {
	if (strips.length < 2) return undefined;
	const sorted = [...strips].sort((a, b) => a.ids.length - b.ids.length);
	const fewest = sorted[0]!;
	const most = sorted[sorted.length - 1]!;
	if (most.ids.length === fewest.ids.length) return t('tokenize.reply.same', { count: strips.length });
	const ratio = (most.ids.length / fewest.ids.length).toFixed(2);
	return t('tokenize.reply.ratio', { most: most.model, ratio, fewest: fewest.model });
}

/** The notes under the counts: what the chart leaves out, replaced surrogates, how to see partial characters. */
export function notes(out: TokenizeChartOutput, show: ShowChoice): string[] {
	const lines: string[] = [];
	const cut = out.strips.filter((s) => s.drawn < s.ids.length);
	for (const s of cut) {
		lines.push(
			t('tokenize.reply.cut', {
				drawn: number(s.drawn),
				total: number(s.ids.length),
				model: s.model,
				rest: number(s.ids.length - s.drawn),
			}),
		);
	}
	if (out.replacedSurrogates > 0) {
		const n = out.replacedSurrogates;
		lines.push(t('tokenize.reply.surrogates', { count: n, n: number(n) }));
	}
	const partial = out.strips.reduce((sum, s) => sum + s.partial, 0);
	if (partial > 0 && show !== 'bytes') lines.push(t('tokenize.reply.partial'));
	return lines;
}

/** Alt text for the chart: what it shows, without the member's text (which may be long or hostile). */
export function altText(out: TokenizeChartOutput): string {
	const counts = out.strips
		.map((s) => t('tokenize.reply.altCount', { model: s.model, encoding: s.encoding, n: number(s.ids.length) }))
		.join(', ');
	return t('tokenize.reply.alt', { counts });
}

/** The /tokenize reply: counts per tokenizer, notes, the chart, and with `show: ids` the id lists. */
export function tokenizeReply(out: TokenizeChartOutput, show: ShowChoice): Reply {
	const compare = out.strips.length > 1;
	const description = [
		...out.strips.map((s) => countLine(s, out.characters)),
		...(compare ? [comparisonLine(out.strips)!] : []),
		t('tokenize.reply.size', { characters: number(out.characters), bytes: number(out.bytes) }),
		...notes(out, show),
	];
	const embed: APIEmbed = {
		title: compare
			? t('tokenize.reply.compareTitle', { models: out.strips.map((s) => s.model).join(', ') })
			: t('tokenize.reply.title', { model: out.strips[0]!.model, encoding: out.strips[0]!.encoding }),
		color: EMBED_COLOR,
		image: { url: `attachment://${TOKENS_FILE}` },
	};
	const files = [{ name: TOKENS_FILE, data: toBuffer(out.png), description: altText(out) }];
	// Each strip's id list fits a field when compared, or what the description leaves for one strip.
	const budget = (): number =>
		compare ? LIMITS.fieldValue : LIMITS.embedDescription - description.join('\n').length - 1;
	if (show === 'ids' && !compare) {
		const s = out.strips[0]!;
		embed.description = `${description.join('\n')}\n${idBlock(s.ids, budget(), s.model)}`;
	} else {
		embed.description = description.join('\n');
		if (show === 'ids')
			embed.fields = out.strips.map((s) => ({
				name: t('tokenize.reply.idsField', { model: s.model }),
				value: idBlock(s.ids, budget(), s.model),
			}));
	}
	if (show === 'ids')
		for (const s of out.strips.filter((s) => idsCut(s.ids, budget())))
			files.push({
				name: idsFileName(s.model),
				data: Buffer.from(`${s.ids.join('\n')}\n`),
				description: t('tokenize.reply.idsFile', { model: s.model, n: number(s.ids.length) }),
			});
	return { embeds: [embed], files };
}
