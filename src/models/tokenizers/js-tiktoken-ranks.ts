import { allocateRankTable, finishRankTable, type RankTable } from './rank-table.js';

/**
 * js-tiktoken's compressed ranks: lines of `<tag> <first rank> <base64 token> <base64 token> …`, the tokens on a
 * line taking consecutive ranks. Calls `visit` with each token's rank and the span of its base64 in `text`.
 */
function forEachToken(text: string, visit: (rank: number, from: number, to: number) => void): void {
	for (let line = 0; line < text.length;) {
		let end = text.indexOf('\n', line);
		if (end < 0) end = text.length;
		if (end > line) {
			const tag = text.indexOf(' ', line);
			let field = tag < 0 || tag > end ? end : text.indexOf(' ', tag + 1);
			if (field < 0 || field > end) field = end;
			const first = tag < 0 || tag > end ? Number.NaN : Number(text.slice(tag + 1, field));
			if (!Number.isInteger(first) || first < 0)
				throw new SyntaxError(`js-tiktoken ranks: bad offset in "${text.slice(line, line + 40)}"`);
			for (let rank = first; field < end; rank++) {
				const from = field + 1;
				field = text.indexOf(' ', from);
				if (field < 0 || field > end) field = end;
				if (field === from) throw new SyntaxError(`js-tiktoken ranks: empty token at rank ${rank}`);
				visit(rank, from, field);
			}
		}
		line = end + 1;
	}
}

/** Base64 digit values by char code (-1: not a digit). */
const DIGITS = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries())
	DIGITS[c.charCodeAt(0)] = i;

/** Bytes encoded by the base64 `text[from .. to)` (padded to a multiple of four, as js-tiktoken writes it). */
function decodedLength(text: string, from: number, to: number): number {
	if ((to - from) % 4 !== 0) throw new SyntaxError(`js-tiktoken ranks: bad base64 "${text.slice(from, to)}"`);
	let padding = 0;
	while (padding < 2 && text.charCodeAt(to - 1 - padding) === 0x3d) padding++;
	return ((to - from) / 4) * 3 - padding;
}

/** Decodes the base64 `text[from .. to)` into `out` at `at`. */
function decodeBase64(text: string, from: number, to: number, out: Uint8Array, at: number, length: number): void {
	let bits = 0;
	let count = 0;
	let written = 0;
	for (let i = from; i < to && written < length; i++) {
		const digit = DIGITS[text.charCodeAt(i)] ?? -1;
		if (digit < 0) throw new SyntaxError(`js-tiktoken ranks: bad base64 "${text.slice(from, to)}"`);
		bits = (bits << 6) | digit;
		count += 6;
		if (count >= 8) {
			count -= 8;
			out[at + written++] = (bits >>> count) & 0xff;
		}
	}
}

/**
 * Parses js-tiktoken's compressed ranks straight into a {@link RankTable}, decoding the base64 into the table's
 * byte blob with no string per token (a `Map` of 200,000 strings is what this replaces).
 */
export function parseJsTiktokenRankTable(text: string): RankTable {
	let max = -1;
	forEachToken(text, (rank) => {
		if (rank > max) max = rank;
	});
	const lengths = new Int32Array(max + 1);
	forEachToken(text, (rank, from, to) => {
		if (lengths[rank] !== 0) throw new RangeError(`js-tiktoken ranks: rank ${rank} appears twice`);
		lengths[rank] = decodedLength(text, from, to);
		if (lengths[rank] === 0) throw new SyntaxError(`js-tiktoken ranks: empty token at rank ${rank}`);
	});
	const { bytes, offsets } = allocateRankTable(lengths);
	forEachToken(text, (rank, from, to) => decodeBase64(text, from, to, bytes, offsets[rank]!, lengths[rank]!));
	return finishRankTable(bytes, offsets);
}

/**
 * Parses js-tiktoken's compressed ranks into a map of byte-string keys (see `byte-string.ts`), for a caller that
 * renumbers them (Mistral's Tekken) before building its encoder.
 */
export function parseJsTiktokenRanks(text: string): Map<string, number> {
	const ranks = new Map<string, number>();
	forEachToken(text, (rank, from, to) => {
		ranks.set(Buffer.from(text.slice(from, to), 'base64').toString('latin1'), rank);
	});
	return ranks;
}
