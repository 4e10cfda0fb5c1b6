import { layoutTokenStrips, sceneToPng, type Scene, type TokenStripsInput } from '../../charts/index.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../i18n/index.js';
import {
	CHAT_FAMILIES,
	CHAT_FORMATS,
	chatEncoding,
	renderChat,
	replaceLoneSurrogates,
	tokenPieces,
	type ChatMessage,
	type Family,
	type TokenPiece,
} from '../../models/tokenizers/index.js';
import { drawnPerStrip } from './chart.js';
import { modelsFor, type EncodingChoice } from './input.js';
import { chartText, previewText } from './visible.js';

/** The families show:chat draws when none are picked: ChatML, plain text, and two templates unlike it and each other. */
export const DEFAULT_CHAT_FAMILIES: readonly Family[] = ['gpt-4', 'claude', 'llama-3', 'gemma-3'];

/** The most lines of spans a strip gets: room for a template's turns, each on its own line. */
export const CHAT_LINES_PER_STRIP = 5;

/** Width of the chat chart (the widest token chart); its height is kept within it (docs/display-standard.md). */
export const CHAT_CHART_WIDTH = 1200;

/**
 * The families of a show:chat request: the picked ones (`encoding` one family, or `compare` with `families`), or
 * {@link DEFAULT_CHAT_FAMILIES}. Refuses a pick where no family has a chat format, naming those that have one.
 */
export function chatFamiliesFor(encoding: EncodingChoice | undefined, families?: string): Family[] {
	const picked =
		encoding === undefined || encoding === 'all' || (encoding === 'compare' && (families ?? '').trim() === '')
			? [...DEFAULT_CHAT_FAMILIES]
			: modelsFor(encoding, families);
	if (!picked.some((f) => CHAT_FORMATS[f].kind !== 'none'))
		throw new UserError(
			t('chat.errors.noTemplate', { families: picked.join(', '), available: CHAT_FAMILIES.join(', ') }),
			'tokenize.no-chat-template',
		);
	return picked;
}

export interface TokenizeChatInput {
	system: string;
	user: string;
	/** Families to draw; those without a chat format are listed in the reply instead. */
	families: Family[];
}

/** One family's chat as tokens. */
export interface ChatStrip {
	family: Family;
	/** The rendered chat text (the template's output), before tokenizing. */
	text: string;
	ids: number[];
	/** How many of the ids are special (added) tokens. */
	special: number;
	/** Tokens drawn in the chart (the rest are summarised as "… and N more tokens"). */
	drawn: number;
}

export interface TokenizeChatOutput {
	strips: ChatStrip[];
	/** Picked families with no chat format. */
	without: Family[];
	png: Uint8Array;
}

/** The chat's messages: the system message (when not blank), then the member's. */
export function chatMessages(system: string, user: string): ChatMessage[] {
	const messages: ChatMessage[] = [];
	if (system.trim() !== '') messages.push({ role: 'system', content: replaceLoneSurrogates(system) });
	messages.push({ role: 'user', content: replaceLoneSurrogates(user) });
	return messages;
}

/** The family's chat as tokens: the template's text, read by the family's tokenizer with special tokens recognised. */
export async function chatPieces(family: Family, messages: readonly ChatMessage[]) {
	const encoding = await chatEncoding(family);
	const text = encoding.normalize(await renderChat(family, messages));
	return { text, pieces: tokenPieces(encoding, text) };
}

/** The token strips: one per family, special tokens marked and counted in the heading. */
export function chatStripsFor(
	input: TokenizeChatInput,
	results: readonly { family: Family; pieces: readonly TokenPiece[] }[],
): TokenStripsInput {
	return {
		title: t('chat.chart.title'),
		subtitle: t('chat.chart.subtitle', {
			system: previewText(input.system, 40),
			user: previewText(input.user, 60),
		}),
		footer: t('chat.chart.footer'),
		strips: results.map((r) => ({
			heading: t('chat.chart.heading', {
				family: r.family,
				tokens: r.pieces.length,
				special: r.pieces.filter((p) => p.special).length,
			}),
			tokens: r.pieces.map((p) => ({
				text: p.special ? p.text : chartText(p.text),
				id: p.id,
				special: p.special,
			})),
		})),
		width: CHAT_CHART_WIDTH,
		maxLinesPerStrip: CHAT_LINES_PER_STRIP,
		showBytes: 'never',
	};
}

/**
 * The strips laid out no taller than wide: each turn on its own line when that fits (a template's newlines end
 * lines), else the tokens run on, else fewer lines per strip (the rest summarised as "… and N more tokens").
 */
export function fitChatStrips(strips: TokenStripsInput): Scene {
	let scene = layoutTokenStrips(strips);
	if (scene.height <= CHAT_CHART_WIDTH) return scene;
	for (let lines = CHAT_LINES_PER_STRIP; lines >= 1; lines--) {
		scene = layoutTokenStrips({ ...strips, breakAtNewlines: false, maxLinesPerStrip: lines });
		if (scene.height <= CHAT_CHART_WIDTH) return scene;
	}
	return scene;
}

/** Renders each family's chat template over the two messages, tokenizes it and draws the strips. Runs in a worker. */
export async function tokenizeChat(input: TokenizeChatInput): Promise<TokenizeChatOutput> {
	const messages = chatMessages(input.system, input.user);
	const drawnFamilies = input.families.filter((f) => CHAT_FORMATS[f].kind !== 'none');
	const results: { family: Family; text: string; pieces: TokenPiece[] }[] = [];
	for (const family of drawnFamilies) results.push({ family, ...(await chatPieces(family, messages)) });
	const scene = fitChatStrips(chatStripsFor(input, results));
	const drawn = drawnPerStrip(scene);
	return {
		strips: results.map((r, i) => ({
			family: r.family,
			text: r.text,
			ids: r.pieces.map((p) => p.id),
			special: r.pieces.filter((p) => p.special).length,
			drawn: drawn[i] ?? 0,
		})),
		without: input.families.filter((f) => CHAT_FORMATS[f].kind === 'none'),
		png: await sceneToPng(scene),
	};
}

/** The show:chat task, spread into the task registries. */
export const tokenizeChatTasks = {
	'tokenize.chat': tokenizeChat,
};
