import { describe, expect, it } from 'vitest';
import { hexLabel, loadEncoding, tokenPieces, visibleLabel } from '../../../src/models/tokenizers/index.js';

describe('tokenPieces', () => {
	it('GIVEN English THEN each token is whole, labelled with visible spaces, and spans its characters', async () => {
		const enc = await loadEncoding('cl100k_base');
		const pieces = tokenPieces(enc, 'Hello world');
		expect(pieces.map((p) => [p.text, p.label, p.start, p.end, p.splitsCharacter])).toEqual([
			['Hello', 'Hello', 0, 5, false],
			[' world', '␣world', 5, 11, false],
		]);
		expect(pieces.map((p) => p.id)).toEqual(enc.encode('Hello world'));
	});

	it('GIVEN a Hangul syllable split over tokens THEN those tokens show bytes and share the syllable', async () => {
		const enc = await loadEncoding('r50k_base');
		const pieces = tokenPieces(enc, '뷁');
		expect(pieces.length).toBeGreaterThan(1);
		expect(pieces.every((p) => p.splitsCharacter && p.start === 0 && p.end === 1)).toBe(true);
		expect(pieces.map((p) => p.label).join(' ')).toBe(pieces.map((p) => hexLabel(p.bytes)).join(' '));
		expect(Buffer.concat(pieces.map((p) => p.bytes)).toString('hex')).toBe(Buffer.from('뷁').toString('hex'));
	});

	it('GIVEN an emoji outside the BMP THEN its span covers both UTF-16 units', async () => {
		const enc = await loadEncoding('r50k_base');
		const pieces = tokenPieces(enc, 'a🦜');
		const parrot = pieces.filter((p) => p.start === 1);
		expect(parrot.length).toBeGreaterThan(0);
		expect(parrot.every((p) => p.end === 3)).toBe(true);
		expect(parrot.some((p) => p.splitsCharacter)).toBe(true);
	});

	it('GIVEN a ZWJ family emoji THEN the bytes of all pieces rebuild the text', async () => {
		const enc = await loadEncoding('o200k_base');
		const text = '👩‍👩‍👧‍👦!';
		const pieces = tokenPieces(enc, text);
		expect(Buffer.concat(pieces.map((p) => p.bytes)).toString('utf8')).toBe(text);
		expect(pieces.at(-1)).toMatchObject({ text: '!', start: text.length - 1, end: text.length });
	});

	it('GIVEN a special token allowed THEN it is marked special and spans its text', async () => {
		const enc = await loadEncoding('cl100k_base');
		const pieces = tokenPieces(enc, 'hi<|endoftext|>', { allowedSpecial: 'all' });
		expect(pieces.at(-1)).toMatchObject({ id: 100257, special: true, start: 2, end: 15 });
	});

	it('GIVEN a lone surrogate THEN it is shown as U+FFFD and spans one unit', async () => {
		const enc = await loadEncoding('cl100k_base');
		const pieces = tokenPieces(enc, 'x\ud800');
		expect(pieces.map((p) => p.text).join('')).toBe('x\ufffd');
		expect(pieces.at(-1)!.end).toBe(2);
	});
});

describe('labels', () => {
	it('GIVEN whitespace and controls THEN they are visible', () => {
		expect(visibleLabel(' a\tb\r\n\u0001')).toBe('␣a⇥b␍↵\\x01');
		expect(hexLabel(new Uint8Array([0xec, 0x95]))).toBe('<EC 95>');
	});
});
