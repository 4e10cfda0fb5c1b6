import { describe, expect, it } from 'vitest';
import { chartText, displayToken, previewText, tokenCode, tokenLabel } from '../../../src/demos/tokenize/visible.js';

describe('chartText', () => {
	it.each([
		['\u0000a\u001b', '[NUL]a[ESC]'],
		['\u202eevil\u202c', '[RLO]evil[PDF]'],
		['\u200e\u200f\u061c', '[LRM][RLM][ALM]'],
		['a\u00a0b\u3000c', 'a[NBSP]b[U+3000]c'],
		['soft\u00adhyphen\u007f', 'soft[SHY]hyphen[DEL]'],
		['line\u2028para\u2029', 'line[LS]para[PS]'],
		['nel\u0085', 'nel[NEL]'],
		['\u{E0067}\u{E007F}', '[U+E0067][U+E007F]'],
	])('GIVEN %j THEN invisible characters are named: %s', (text, expected) => {
		expect(chartText(text)).toBe(expected);
	});

	it('GIVEN spaces, tabs, newlines and zero-width characters THEN they are left for the chart toolkit’s own marks', () => {
		expect(chartText(' \t\n\r\u200b\u200d\ufeff')).toBe(' \t\n\r\u200b\u200d\ufeff');
	});

	it('GIVEN emoji sequences with joiners and tags THEN they are kept whole', () => {
		const family = '👩‍👩‍👧';
		const england = '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
		expect(chartText(`${family} ${england}`)).toBe(`${family} ${england}`);
	});

	it('GIVEN ordinary text THEN it is returned as is', () => {
		expect(chartText('Hello 안녕하세요 🙂')).toBe('Hello 안녕하세요 🙂');
	});
});

describe('previewText', () => {
	it('GIVEN newlines, tabs and zero-width characters THEN they are marked, spaces stay spaces', () => {
		expect(previewText('a b\n\tc\u200bd\u202e')).toBe('a b↵→c[ZWSP]d[RLO]');
	});

	it('GIVEN a lone surrogate THEN it shows as U+FFFD', () => {
		expect(previewText('x\ud800y')).toBe('x\ufffdy');
	});

	it('GIVEN more graphemes than the limit THEN the preview is cut with an ellipsis, never inside an emoji', () => {
		expect(previewText('👩‍👩‍👧'.repeat(5), 3)).toBe('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧…');
		expect(previewText('abc', 3)).toBe('abc');
	});
});

describe('token labels', () => {
	it('GIVEN tokens with whitespace THEN labels make it visible', () => {
		expect(tokenLabel(' be')).toBe('⋅be');
		expect(tokenLabel(',\n')).toBe(',↵');
		expect(tokenLabel('\u202e')).toBe('[RLO]');
	});

	it('GIVEN a token that is part of a character THEN it is shown as its bytes in hex; a whole U+FFFD stays itself', () => {
		expect(displayToken('\uFFFD', [0xec, 0x95])).toBe('EC 95');
		expect(displayToken('\uFFFD', [0xef, 0xbf, 0xbd])).toBe('\uFFFD');
		expect(displayToken(' 안', [0x20, 0xec, 0x95, 0x88])).toBe('⋅안');
		expect(displayToken('\uFFFD', null)).toBe('\uFFFD');
	});

	it('GIVEN a token with a backtick THEN its code span cannot be broken by it', () => {
		expect(tokenCode(' `x`')).toBe('`⋅ˋxˋ`');
	});
});
