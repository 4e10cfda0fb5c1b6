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
	return data.tokens.map((token, t) => {
		const p = data.perToken[t]!;
		return `${t + 1} ${tokenCode(token.text)} → ${p.top.map((u) => `${unitName(u.unit)} ${f(u.value)}`).join(' · ')} · **${p.strong}** > ${STRONG} · adds ${f(p.outNorm)}`;
	});
}

function explainedFields(data: FfnData): APIEmbedField[] {
	return data.explained.slice(0, EXPLAINED_MAX).map((u) => ({
		name: `${unitName(u.unit)} · ${f(u.peak)} at ${u.peakAt + 1} ${escapeMarkdown(tokenLabel(data.tokens[u.peakAt]!.text)).slice(0, 60)}`,
		value:
			u.examples.length === 0
				? 'No examples in ffn-top.json.'
				: u.examples.slice(0, EXAMPLES_PER_UNIT).map(exampleLine).join('\n'),
	}));
}

/** The numbers that show the FFN is one function applied to each position on its own. */
export function checkLines(data: FfnData): string[] {
	const n = data.tokens.length;
	const lines = [
		`Recomputed in float64 from **each position's own ${data.dModel} numbers alone** (LayerNorm → ×W₁ (${data.dModel}×${data.dFF}) → GELU → ×W₂ → ${data.dModel}), the FFN gives the full pass's output at all ${n} positions to within **${sci(data.check.maxDiff)}** (largest difference; outputs reach ${f(data.check.maxOutput)}), and its hidden units to within ${sci(data.check.hiddenMaxDiff)}: float32 rounding, nothing from the other tokens.`,
	];
	const r = data.repeat;
	if (r) {
		const [i, j] = r.positions;
		const shared = r.top[0].filter((u) => r.top[1].some((v) => v.unit === u.unit)).length;
		lines.push(
			`${tokenCode(r.token.text)} appears at positions ${i + 1} and ${j + 1}. Entering this layer, its two vectors have cosine **${f(r.streamCosine)}**; after attention mixed in their contexts, the FFN's two inputs have cosine **${f(r.inputCosine)}**, its two outputs **${f(r.outputCosine)}**, and ${shared} of their ${r.top[0].length} most active units are shared. Same function, different inputs.`,
		);
	} else {
		lines.push(
			'No token appears twice in this text: repeat a word (“the king … the king”) to see one token in two contexts.',
		);
	}
	return lines;
}

/** The /ffn reply: the units per token with the heatmap, what fires them, and the per-position check. */
export function ffnReply(out: Extract<FfnTaskOutput, { kind: 'ok' }>): Reply {
	const data = out.data;
	const intro = `Each token's vector goes through the same small network: ${data.dModel} → ${data.dFF} hidden units (GELU) → ${data.dModel}, added to the residual stream. Per token: its 3 most active units (activation), how many of the ${data.dFF} are above ${STRONG}, and the length of the vector the FFN adds to the stream.`;
	const budget = LIMITS.embedDescription - intro.length - 2;
	const lines = fitLines(
		tokenLines(data),
		Math.min(budget, 2400),
		(left) => `…and ${left} more tokens (all are in the chart).`,
	);
	const [heatmap, bars] = out.files;
	const embeds: APIEmbed[] = [
		{
			title: `FFN · ${layerName(data.layer, data.layers)} · ${data.tokens.length} ${data.tokens.length === 1 ? 'token' : 'tokens'}`,
			color: COLOR,
			description: `${intro}\n${lines}`,
			fields: explainedFields(data),
			image: { url: `attachment://${heatmap!.name}` },
		},
		{
			title: 'One function, applied to each position on its own',
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
