import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { toBuffer } from '../../compute/compute.js';
import type { FfnOutput as FfnTaskOutput } from './task.js';
import { LIMITS } from '../../core/limits.js';
import type { Reply } from '../../core/reply.js';
import { fitLines } from '../../jobs/weekly-post.js';
import { escapeMarkdown } from '../rerun/summary.js';
import { layerName, tokenCode, tokenLabel } from '../residual/model-text.js';
import { unitName } from './charts.js';
import { STRONG, type FfnData } from './data.js';
import type { TopExample } from './top-examples.js';
import { t } from '../../i18n/index.js';

const COLOR = 0x009e73;
/** Units explained with corpus examples, and examples per unit. */
const EXPLAINED_MAX = 6;
const EXAMPLES_PER_UNIT = 3;

const f = (x: number, digits = 2): string => x.toFixed(digits).replace(/^-/, '−');
const sci = (x: number): string =>
	x === 0
		? '0'
		: x
				.toExponential(1)
				.replace('e-', '×10⁻')
				.replace(/\d+$/, (e) => [...e].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join(''));

/**
 * A corpus context on one line, `…before **token**after… (3.54)`: newlines shown as ↵, markdown escaped, and the
 * token's own spaces kept outside the bold markers (Discord does not render `** att**` as bold).
 */
export function exampleLine(e: TopExample): string {
	const clean = (s: string): string => escapeMarkdown(s.replace(/\r?\n/g, '↵'));
	const token = clean(e.token);
	const core = token.trim();
	const bold =
		core === ''
			? `**${token.length > 0 ? '␣'.repeat(token.length) : '∅'}**`
			: `${token.slice(0, token.indexOf(core))}**${core}**${token.slice(token.indexOf(core) + core.length)}`;
	return `…${clean(e.before)}${bold}${clean(e.after)}… (${f(e.activation)})`;
}

/** `3 ⋅and → #239 4.50 · #410 4.28 · #282 4.25 · 40 > 1 · adds 25.31`. */
export function tokenLines(data: FfnData): string[] {
	return data.tokens.map((token, i) => {
		const p = data.perToken[i]!;
		return t('ffn.reply.tokenLine', {
			index: i + 1,
			token: tokenCode(token.text),
			units: p.top.map((u) => `${unitName(u.unit)} ${f(u.value)}`).join(' · '),
			strong: p.strong,
			threshold: STRONG,
			norm: f(p.outNorm),
		});
	});
}

function explainedFields(data: FfnData): APIEmbedField[] {
	return data.explained.slice(0, EXPLAINED_MAX).map((u) => ({
		name: t('ffn.reply.peak', {
			unit: unitName(u.unit),
			peak: f(u.peak),
			position: u.peakAt + 1,
			token: escapeMarkdown(tokenLabel(data.tokens[u.peakAt]!.text)).slice(0, 60),
		}),
		value:
			u.examples.length === 0
				? t('ffn.reply.noExamples')
				: u.examples.slice(0, EXAMPLES_PER_UNIT).map(exampleLine).join('\n'),
	}));
}

/** The numbers that show the FFN is one function applied to each position on its own. */
export function checkLines(data: FfnData): string[] {
	const n = data.tokens.length;
	const lines = [
		t('ffn.reply.check', {
			dModel: data.dModel,
			dFF: data.dFF,
			count: n,
			maxDiff: sci(data.check.maxDiff),
			maxOutput: f(data.check.maxOutput),
			hiddenDiff: sci(data.check.hiddenMaxDiff),
		}),
	];
	const r = data.repeat;
	if (r) {
		const [i, j] = r.positions;
		const shared = r.top[0].filter((u) => r.top[1].some((v) => v.unit === u.unit)).length;
		lines.push(
			t('ffn.reply.repeat', {
				token: tokenCode(r.token.text),
				first: i + 1,
				second: j + 1,
				stream: f(r.streamCosine),
				input: f(r.inputCosine),
				output: f(r.outputCosine),
				shared,
				top: r.top[0].length,
			}),
		);
	} else {
		lines.push(t('ffn.reply.noRepeat'));
	}
	return lines;
}

/**
 * The /ffn reply: the units per token with the heatmap, what fires them, and the per-position check. `note` (see
 * englishOnlyNote) comes first.
 */
export function ffnReply(out: Extract<FfnTaskOutput, { kind: 'ok' }>, note = ''): Reply {
	const data = out.data;
	const intro =
		(note ? `${note}\n\n` : '') + t('ffn.reply.intro', { dModel: data.dModel, dFF: data.dFF, threshold: STRONG });
	const budget = LIMITS.embedDescription - intro.length - 2;
	const lines = fitLines(tokenLines(data), Math.min(budget, 2400), (left) => t('ffn.reply.more', { count: left }));
	const [heatmap, bars] = out.files;
	const embeds: APIEmbed[] = [
		{
			title: t('ffn.reply.title', { layer: layerName(data.layer, data.layers), count: data.tokens.length }),
			color: COLOR,
			description: `${intro}\n${lines}`,
			fields: explainedFields(data),
			image: { url: `attachment://${heatmap!.name}` },
		},
		{
			title: t('ffn.reply.checkTitle'),
			color: COLOR,
			description: checkLines(data).join('\n\n'),
			...(bars ? { image: { url: `attachment://${bars.name}` } } : {}),
		},
	];
	return {
		embeds,
		files: out.files.map((file) => ({ name: file.name, data: toBuffer(file.png), description: file.description })),
	};
}
