import { describe, expect, it } from 'vitest';
import { csvField } from '../src/csv.js';

describe('csvField', () => {
	it('GIVEN fields with commas, quotes, line breaks and formula starts THEN they are quoted and defused', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvField('-1+2')).toBe("'-1+2");
		expect(csvField(0.5)).toBe('0.5');
		expect(csvField(null)).toBe('');
	});

	it.each(['=', '+', '-', '@', '\t', '\r'])(
		'GIVEN text starting with %j THEN it gets a leading apostrophe',
		(start) => {
			expect(csvField(`${start}1`).replace(/^"|"$/g, '')).toBe(`'${start}1`);
		},
	);
});
