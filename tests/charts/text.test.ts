import { describe, expect, it } from 'vitest';
import { graphemes, measureText, truncate, visibleWhitespace, wrap } from '../../src/charts/text.js';
import { fakeMeasure } from './helpers/fake-measure.js';

const FONT = { size: 10 };

describe('text fitting', () => {
	it('GIVEN emoji sequences and Hangul THEN graphemes keep each user-perceived character whole', () => {
		expect(graphemes('a👩‍💻🇰🇷한')).toEqual(['a', '👩‍💻', '🇰🇷', '한']);
	});

	it('GIVEN text wider than the room THEN it is cut between graphemes and ends in an ellipsis', () => {
		// fakeMeasure: 5 px per grapheme at size 10.
		expect(truncate('abcdef', 30, FONT, fakeMeasure)).toBe('abcdef');
		expect(truncate('abcdefgh', 30, FONT, fakeMeasure)).toBe('abcde…');
		expect(truncate('안녕하세요 여러분', 25, FONT, fakeMeasure)).toBe('안녕하세…');
		expect(truncate('👩‍💻👩‍💻👩‍💻👩‍💻', 15, FONT, fakeMeasure)).toBe('👩‍💻👩‍💻…');
		expect(truncate('abc', 4, FONT, fakeMeasure)).toBe('');
	});

	it('GIVEN a long title THEN it wraps at spaces, splits over-long words, keeps newlines, and ellipsizes past maxLines', () => {
		expect(wrap('the quick brown fox', 50, FONT, fakeMeasure)).toEqual(['the quick', 'brown fox']);
		expect(wrap('abcdefghijklmno', 25, FONT, fakeMeasure)).toEqual(['abcde', 'fghij', 'klmno']);
		expect(wrap('one\ntwo', 100, FONT, fakeMeasure)).toEqual(['one', 'two']);
		expect(wrap('aa bb cc dd ee', 25, FONT, fakeMeasure, 2)).toEqual(['aa bb', 'cc d…']);
	});

	it('GIVEN whitespace and invisible characters THEN they become visible marks, except inside emoji sequences', () => {
		expect(visibleWhitespace(' the\n\tx\r')).toBe('⋅the↵→x←');
		expect(visibleWhitespace('\u200d')).toBe('[ZWJ]');
		expect(visibleWhitespace('a\ufe0f')).toBe('a[VS16]');
		expect(visibleWhitespace('👩‍💻 ❤️')).toBe('👩‍💻⋅❤️');
	});

	it('GIVEN the real measurer THEN widths are positive, grow with text, and are cached consistently', () => {
		const one = measureText('안녕', { size: 16 });
		expect(one).toBeGreaterThan(0);
		expect(measureText('안녕하세요', { size: 16 })).toBeGreaterThan(one);
		expect(measureText('안녕', { size: 16 })).toBe(one);
		expect(measureText('Bold', { size: 16, weight: 'bold' })).toBeGreaterThan(measureText('Bold', { size: 16 }));
	});
});
