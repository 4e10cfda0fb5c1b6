import { bytePairEncode } from './bpe-merge.js';
import { bytesToByteString, replaceLoneSurrogates, utf8ByteString } from './byte-string.js';
import { hasRank, NONE, rankOfRange, rankTableFromByteStrings, tokenBytesOf, type RankTable } from './rank-table.js';

/** What defines a byte-level BPE encoding, as tiktoken describes one. */
export interface BytePairEncodingSpec {
	/** A short name, e.g. `cl100k_base`. */
	name: string;
	/**
	 * The pretokenizer: text is split into the successive matches of this regex and each match is encoded on its
	 * own. A string is compiled with the `u` flag; a RegExp must carry `u` (or `v`). Node 20 has no inline
	 * modifiers, so a tiktoken pattern with `(?i:…)` must be rewritten first (see `openai.ts`).
	 */
	pattern: string | RegExp;
	/**
	 * Mergeable ranks: each token's bytes and its rank, which is also its id. Every single byte must be present. A
	 * {@link RankTable} is used as it is (not copied), so encodings can share one, across threads too.
	 */
	ranks: Iterable<readonly [Uint8Array, number]> | ReadonlyMap<string, number> | RankTable;
	/** Special tokens by their text, e.g. `{ '<|endoftext|>': 100257 }`. */
	specialTokens?: Readonly<Record<string, number>>;
}

export interface EncodeOptions {
	/**
	 * Special tokens whose text is encoded as the special token. Default none: their text is encoded as ordinary
	 * text, which is tiktoken's `encode(text, disallowed_special=())` (tiktoken's default instead throws, which a
	 * bot reading arbitrary member text must not do).
	 */
	allowedSpecial?: 'all' | Iterable<string>;
}

const utf8 = new TextEncoder();

/**
 * A byte-level BPE encoder with tiktoken's semantics: pretokenize with a regex, then merge the UTF-8 bytes of each
 * piece by rank. Lone surrogates in the input are replaced by U+FFFD first (what tiktoken does).
 */
export class BytePairEncoding {
	readonly name: string;
	/** One more than the largest id, special tokens included (tiktoken's `n_vocab`). */
	readonly vocabSize: number;
	private readonly pattern: RegExp;
	/** The ordinary tokens: bytes by rank, and rank by bytes. */
	private readonly ranks: RankTable;
	private readonly specialTokens: ReadonlyMap<string, number>;
	private readonly specialById: ReadonlyMap<number, string>;

	constructor(spec: BytePairEncodingSpec) {
		this.name = spec.name;
		this.pattern = compilePattern(spec.pattern);
		try {
			this.ranks = isRankTable(spec.ranks) ? spec.ranks : rankTableFromByteStrings(toByteStringRanks(spec.ranks));
		} catch (error) {
			throw error instanceof RangeError ? new RangeError(`${spec.name}: ${error.message}`) : error;
		}
		let maxId = this.ranks.offsets.length - 2;
		this.specialTokens = new Map(Object.entries(spec.specialTokens ?? {}));
		this.specialById = new Map([...this.specialTokens].map(([text, id]) => [id, text]));
		for (const id of this.specialById.keys()) {
			if (hasRank(this.ranks, id)) throw new RangeError(`${spec.name}: special id ${id} is also a rank`);
			if (id > maxId) maxId = id;
		}
		this.vocabSize = maxId + 1;
	}

	/** Token ids of `text`. */
	encode(text: string, options: EncodeOptions = {}): number[] {
		const out: number[] = [];
		const clean = replaceLoneSurrogates(text);
		const allowed = this.allowedSpecials(options.allowedSpecial);
		if (allowed.length === 0) {
			this.encodeOrdinary(clean, 0, clean.length, out);
			return out;
		}
		// Split on allowed special tokens, leftmost first, longest on a tie of position.
		let start = 0;
		for (;;) {
			let at = -1;
			let found = '';
			for (const special of allowed) {
				const i = clean.indexOf(special, start);
				if (i >= 0 && (at < 0 || i < at || (i === at && special.length > found.length))) {
					at = i;
					found = special;
				}
			}
			if (at < 0) break;
			this.encodeOrdinary(clean, start, at, out);
			out.push(this.specialTokens.get(found)!);
			start = at + found.length;
		}
		this.encodeOrdinary(clean, start, clean.length, out);
		return out;
	}

	/** The text of `ids`; bytes that do not form valid UTF-8 decode to U+FFFD (tiktoken's `errors="replace"`). */
	decode(ids: readonly number[]): string {
		const bytes = this.decodeBytes(ids);
		return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	}

	/** The concatenated bytes of `ids`. */
	decodeBytes(ids: readonly number[]): Uint8Array {
		const parts = ids.map((id) => this.tokenView(id));
		const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
		let at = 0;
		for (const part of parts) {
			out.set(part, at);
			at += part.length;
		}
		return out;
	}

	/** The bytes of one token (a special token's bytes are the UTF-8 of its text). */
	tokenBytes(id: number): Uint8Array {
		return this.tokenView(id).slice();
	}

	/** Whether `id` is a special token. */
	isSpecial(id: number): boolean {
		return this.specialById.has(id);
	}

	/** The id of the ordinary token with exactly these bytes, if any. */
	rankOf(bytes: Uint8Array): number | undefined {
		const text = bytesToByteString(bytes);
		const rank = rankOfRange(this.ranks, text, 0, text.length);
		return rank === NONE ? undefined : rank;
	}

	/** The bytes of token `id`: a view of the rank table for an ordinary token, not to be written to. */
	private tokenView(id: number): Uint8Array {
		const bytes = tokenBytesOf(this.ranks, id);
		if (bytes !== undefined) return bytes;
		const special = this.specialById.get(id);
		if (special !== undefined) return utf8.encode(special);
		throw new RangeError(`${this.name}: no token has id ${id}`);
	}

	private allowedSpecials(allowed: EncodeOptions['allowedSpecial']): string[] {
		if (allowed === undefined) return [];
		if (allowed === 'all') return [...this.specialTokens.keys()];
		const out: string[] = [];
		for (const text of allowed) {
			if (!this.specialTokens.has(text)) throw new RangeError(`${this.name}: ${text} is not a special token`);
			out.push(text);
		}
		return out;
	}

	/** Encodes `text[from, to)` with no special tokens. */
	private encodeOrdinary(text: string, from: number, to: number, out: number[]): void {
		if (from >= to) return;
		const segment = from === 0 && to === text.length ? text : text.slice(from, to);
		const pattern = this.pattern;
		pattern.lastIndex = 0;
		for (let match = pattern.exec(segment); match !== null; match = pattern.exec(segment)) {
			const piece = utf8ByteString(match[0]);
			if (piece.length === 0) {
				// An empty match would loop forever; tiktoken's patterns never match empty, custom ones might.
				pattern.lastIndex++;
				continue;
			}
			const whole = rankOfRange(this.ranks, piece, 0, piece.length);
			if (whole !== NONE) out.push(whole);
			else bytePairEncode(piece, this.ranks, out);
		}
	}
}

function compilePattern(pattern: string | RegExp): RegExp {
	if (typeof pattern === 'string') return new RegExp(pattern, 'gu');
	if (!pattern.flags.includes('u') && !pattern.flags.includes('v'))
		throw new Error('pretokenizer regex needs the u or v flag');
	const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
	return new RegExp(pattern.source, flags.replace('y', ''));
}

function isRankTable(ranks: BytePairEncodingSpec['ranks']): ranks is RankTable {
	return 'slots' in ranks && ranks.slots instanceof Int32Array;
}

function toByteStringRanks(
	ranks: Iterable<readonly [Uint8Array, number]> | ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
	if (ranks instanceof Map) {
		const first = ranks.keys().next();
		if (first.done === true || typeof first.value === 'string') return ranks as ReadonlyMap<string, number>;
	}
	const out = new Map<string, number>();
	for (const [bytes, rank] of ranks as Iterable<readonly [Uint8Array, number]>) out.set(bytesToByteString(bytes), rank);
	return out;
}

/**
 * Parses a `.tiktoken` file: one token per line, its bytes in base64, a space, its rank. Blank lines are skipped.
 * Returns the ranks in the byte-string form the constructor accepts directly (each key holds one byte per char).
 */
export function parseTiktokenFile(text: string): Map<string, number> {
	const out = new Map<string, number>();
	let lineNo = 0;
	for (const line of text.split('\n')) {
		lineNo++;
		const trimmed = line.trim();
		if (trimmed === '') continue;
		const space = trimmed.indexOf(' ');
		const rank = Number(trimmed.slice(space + 1));
		if (space <= 0 || !Number.isInteger(rank) || rank < 0) throw new SyntaxError(`.tiktoken line ${lineNo}: ${line}`);
		out.set(Buffer.from(trimmed.slice(0, space), 'base64').toString('latin1'), rank);
	}
	return out;
}

/** Formats ranks as a `.tiktoken` file (the inverse of {@link parseTiktokenFile}), in rank order. */
export function formatTiktokenFile(ranks: ReadonlyMap<string, number>): string {
	const rows = [...ranks].sort((a, b) => a[1] - b[1]);
	return rows.map(([bytes, rank]) => `${Buffer.from(bytes, 'latin1').toString('base64')} ${rank}\n`).join('');
}
