/**
 * A "byte string" holds one byte per UTF-16 code unit (0–255), the Latin-1 view of a byte sequence. The encoder keys
 * its rank table by byte strings because V8 hashes and slices short strings far faster than it can hash byte arrays,
 * and a merge candidate is then just `piece.slice(a, b)`.
 */

/** Latin-1 byte string of `text`'s UTF-8 encoding (`text` must be well-formed; ASCII is returned as is). */
export function utf8ByteString(text: string): string {
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) >= 0x80) return Buffer.from(text, 'utf8').toString('latin1');
	}
	return text;
}

/** The bytes of a byte string. */
export function byteStringToBytes(bytes: string): Uint8Array {
	return new Uint8Array(Buffer.from(bytes, 'latin1'));
}

/** The byte string of a byte array. */
export function bytesToByteString(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Replaces each lone UTF-16 surrogate with U+FFFD. A lone surrogate has no UTF-8 encoding; Python tiktoken and the
 * tiktoken WASM binding both substitute U+FFFD before tokenizing, so this keeps our ids equal to theirs.
 * (With the `u` flag, `\p{Cs}` only matches surrogates that are not part of a valid pair.)
 */
export function replaceLoneSurrogates(text: string): string {
	LONE_SURROGATE.lastIndex = 0;
	return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}
