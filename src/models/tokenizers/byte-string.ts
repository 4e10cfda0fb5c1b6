/**
 * A "byte string" holds one byte per UTF-16 code unit (0–255), the Latin-1 view of a byte sequence. The encoder
 * turns each pretokenized piece into one (a single native call) and reads its bytes with `charCodeAt`: a merge
 * candidate is a range of it, hashed and compared in place against the rank table (`rank-table.ts`).
 */

/** Latin-1 byte string of `text`'s UTF-8 encoding (`text` must be well-formed; ASCII is returned as is). */
export function utf8ByteString(text: string): string {
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) >= 0x80) return Buffer.from(text, 'utf8').toString('latin1');
	}
	return text;
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
