import type { BytePairEncoding, EncodeOptions } from './bpe.js';
import { replaceLoneSurrogates } from './byte-string.js';

/** One token of a text, with what the /tokenize chart shows for it. */
export interface TokenPiece {
	id: number;
	/** The token's UTF-8 bytes. */
	bytes: Uint8Array;
	/** The bytes decoded on their own; U+FFFD stands for each incomplete character (tiktoken's decode). */
	text: string;
	/**
	 * What a member is shown: the text with whitespace made visible (space `␣`, tab `⇥`, newline `↵`,
	 * carriage return `␍`, other controls as `\xNN`); for a token that splits a character, its bytes in hex,
	 * e.g. `<EC 95>`.
	 */
	label: string;
	/**
	 * Whether the token starts or ends inside a multi-byte character (a Hangul syllable or an emoji split over
	 * tokens). The chart then shows {@link bytes}.
	 */
	splitsCharacter: boolean;
	special: boolean;
	/**
	 * The characters of the input this token's bytes belong to, as UTF-16 offsets `[start, end)` into the input
	 * (after lone surrogates became U+FFFD, which keeps the length). Tokens that split a character share it.
	 */
	start: number;
	end: number;
}

/** What {@link tokenPieces} needs of a tokenizer: ours, or any model family's (see `families.ts`). */
export type PieceEncoding = Pick<BytePairEncoding, 'name' | 'tokenBytes' | 'isSpecial'> & {
	encode(text: string, options?: EncodeOptions): number[];
};

/** Tokenizes `text` and describes each token (see {@link TokenPiece}). */
export function tokenPieces(encoding: PieceEncoding, text: string, options: EncodeOptions = {}): TokenPiece[] {
	const clean = replaceLoneSurrogates(text);
	const ids = encoding.encode(clean, options);
	// byteStart[k] is the UTF-8 offset of UTF-16 index k; charAtByte maps a byte offset to the index of its character.
	const totalBytes = Buffer.byteLength(clean, 'utf8');
	const charAtByte = new Int32Array(totalBytes + 1);
	const isBoundary = new Uint8Array(totalBytes + 1);
	let byte = 0;
	for (let k = 0; k < clean.length;) {
		const codePoint = clean.codePointAt(k)!;
		const width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
		isBoundary[byte] = 1;
		charAtByte.fill(k, byte, byte + width);
		byte += width;
		k += codePoint > 0xffff ? 2 : 1;
	}
	isBoundary[totalBytes] = 1;
	charAtByte[totalBytes] = clean.length;

	const pieces: TokenPiece[] = [];
	byte = 0;
	for (const id of ids) {
		const bytes = encoding.tokenBytes(id);
		const from = byte;
		const to = byte + bytes.length;
		byte = to;
		const splitsCharacter = !isBoundary[from] || !isBoundary[to];
		const text = Buffer.from(bytes).toString('utf8');
		const lastChar = charAtByte[to - 1]!;
		pieces.push({
			id,
			bytes,
			text,
			label: splitsCharacter ? hexLabel(bytes) : visibleLabel(text),
			splitsCharacter,
			special: encoding.isSpecial(id),
			start: charAtByte[from]!,
			end: lastChar + (clean.codePointAt(lastChar)! > 0xffff ? 2 : 1),
		});
	}
	if (byte !== totalBytes) throw new Error(`${encoding.name}: tokens cover ${byte} of ${totalBytes} bytes`);
	return pieces;
}

/** `<EC 95>`: the bytes of a token that holds part of a character. */
export function hexLabel(bytes: Uint8Array): string {
	return `<${[...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}>`;
}

const VISIBLE: Readonly<Record<string, string>> = { ' ': '␣', '\t': '⇥', '\n': '↵', '\r': '␍' };

/** The text with whitespace and control characters made visible. */
export function visibleLabel(text: string): string {
	return text.replace(
		// eslint-disable-next-line no-control-regex -- control characters are exactly what this makes visible
		/[\u0000-\u0020\u007f]/g,
		(ch) => VISIBLE[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
	);
}
