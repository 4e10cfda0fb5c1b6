import type { Scene, TokenStripsInput } from '../../charts/index.js';
import { FAMILY_INFO, OPENAI_MODELS, type Family, type TokenPiece } from '../../models/tokenizers/index.js';
import type { ShowChoice } from './input.js';
import { chartText, previewText } from './visible.js';
import { formatNumber, t, type MessageKey } from '../../i18n/index.js';

/** One tokenizer's result, as the chart and the reply need it. */
export interface Tokenized {
	model: Family;
	/** The tokenizer's own name (o200k_base, tekken…); OpenAI's encoding by default. */
	encoding?: string;
	pieces: readonly TokenPiece[];
}

/** The name a strip gives a tokenizer: OpenAI's encoding name, else the family's own label. */
export function encodingName(model: Family): string {
	return model in OPENAI_MODELS ? OPENAI_MODELS[model as keyof typeof OPENAI_MODELS] : model;
}

/** Lines of spans per strip: one tokenizer gets a tall chart, three stacked get a third each. */
export function linesPerStrip(strips: number): number {
	return strips === 1 ? 14 : 6;
}

/** `gpt-4o · o200k_base · 26 tokens`. */
export function stripHeading(model: Family, count: number, encoding = encodingName(model)): string {
	const name = encoding === model ? familyLabel(model) : encoding;
	return t('tokenize.chart.stripHeading', { model, name, count, n: formatNumber(count) });
}

/** A family's label in the member's language (Claude's says in words which tokenizer it is). */
function familyLabel(model: Family): string {
	if (model === 'claude') return t('tokenize.chart.claudeLabel');
	return FAMILY_INFO[model].label;
}

const COMPARE_TITLES: Partial<Record<number, MessageKey>> = {
	2: 'tokenize.chart.compareTitle2',
	3: 'tokenize.chart.compareTitle3',
	4: 'tokenize.chart.compareTitle4',
};

/**
 * The token-strip chart for /tokenize: one strip per tokenizer, every token a span labelled with its text (invisible
 * characters named, see {@link chartText}) and its id; with `show: bytes`, every token's UTF-8 bytes beneath.
 */
export function tokenStripsFor(text: string, results: readonly Tokenized[], show: ShowChoice): TokenStripsInput {
	const compare = results.length > 1;
	const partial = results.some((r) => r.pieces.some((p) => p.splitsCharacter));
	const notes = [t('tokenize.chart.spans')];
	if (show === 'bytes') notes.push(t('tokenize.chart.hex'));
	else if (partial) notes.push(t('tokenize.chart.partial'));
	return {
		title: compare
			? t(COMPARE_TITLES[results.length] ?? 'tokenize.chart.compareTitle', { count: results.length })
			: t('tokenize.chart.title', { model: results[0]?.model ?? '' }),
		subtitle: `“${previewText(text)}”`,
		footer: notes.join(' '),
		strips: results.map((r) => ({
			heading: stripHeading(r.model, r.pieces.length, r.encoding),
			tokens: r.pieces.map((p) => ({ text: chartText(p.text), id: p.id, bytes: [...p.bytes] })),
		})),
		maxLinesPerStrip: linesPerStrip(results.length),
		showBytes: show === 'bytes' ? 'always' : 'never',
	};
}

/** How many token spans each strip of a laid-out token-strip scene draws (the rest are summarised as "… N more"). */
export function drawnPerStrip(scene: Scene): number[] {
	const drawn: number[] = [];
	for (const item of scene.items) {
		if (item.role === 'strip-heading') drawn.push(0);
		else if (item.role === 'token' && drawn.length > 0) drawn[drawn.length - 1]!++;
	}
	return drawn;
}
