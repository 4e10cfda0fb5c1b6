import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import {
	layoutTokenStrips,
	MAX_HEIGHT,
	MAX_WIDTH,
	MIN_WIDTH,
	naturalWidth,
	renderTokenStrips,
	TOKEN_COLORS,
} from '../../src/charts/token-strip.js';
import { fakeMeasure } from './helpers/fake-measure.js';

const tokens = [
	{ text: 'Hi', id: 1 },
	{ text: ' there', id: 2000 },
	{ text: '\n', id: 198 },
	{ text: '\uFFFD', id: 5, bytes: [0xec] },
];

describe('token strips', () => {
	it('GIVEN tokens THEN spans flow left to right with exact boxes, ids beneath, and a newline token ends the line', () => {
		const scene = layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens }], width: 400 }, fakeMeasure);
		// Header: title line at 28, 42.5 px high, then 18 px → 89 (rounded); heading 24 + 12 → spans start at y 125.
		expect(itemsWithRole(scene.items, 'strip-heading', 'text')[0]).toMatchObject({ x: 28, y: 89, text: 'h' });
		const boxes = itemsWithRole(scene.items, 'token', 'rect').map(({ x, y, w, h, fill }) => ({ x, y, w, h, fill }));
		expect(boxes).toEqual([
			// 'Hi': 2 × 14 px + 2 × 8 padding; ' there': 6 × 14 + 16; '\n': its id '198' (3 × 11) + 16. Gaps of 4.
			{ x: 28, y: 125, w: 44, h: 42, fill: TOKEN_COLORS[0] },
			{ x: 76, y: 125, w: 100, h: 42, fill: TOKEN_COLORS[1] },
			{ x: 180, y: 125, w: 49, h: 42, fill: TOKEN_COLORS[2] },
			// Second line: 125 + (42 + 29 ids + 27 bytes row) + 12 gap; '�' as wide as its bytes 'EC' (22) + 16.
			{ x: 28, y: 235, w: 38, h: 42, fill: TOKEN_COLORS[3] },
		]);
		const texts = itemsWithRole(scene.items, 'token-text', 'text').map((t) => [t.text, t.x, t.color]);
		expect(texts.map((t) => t[0])).toEqual(['Hi', '⋅', 'there', '↵', '�']);
		// ' there' is drawn as two runs so the space mark gets its own (bold) font: '⋅' at 126 − 84 / 2 = 84, 'there' one
		// grapheme (14 px) later.
		expect(texts[1]!.slice(1)).toEqual([84, '#444548']);
		expect(texts[2]!.slice(1)).toEqual([98, '#15161a']);
		expect(itemsWithRole(scene.items, 'token-id', 'text').map((t) => [t.text, t.x, t.y])).toEqual([
			['1', 50, 170],
			['2000', 126, 170],
			['198', 204.5, 170],
			['5', 47, 280],
		]);
		expect(itemsWithRole(scene.items, 'token-bytes', 'text').map((t) => [t.text, t.y])).toEqual([['EC', 306]]);
		// 235 + 98 (the line) + 28 padding.
		expect(scene.height).toBe(361);
		expect(scene.description).toBe('T. h: 4 tokens.');
	});

	it('GIVEN more tokens than fit in maxLinesPerStrip THEN the rest is summarised, and bytes can be forced on or off', () => {
		const many = Array.from({ length: 50 }, (_, i) => ({ text: 'abcd', id: i, bytes: [0x61, 0x62, 0x63, 0x64] }));
		const scene = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens: many }], width: 600, maxLinesPerStrip: 2, showBytes: 'always' },
			fakeMeasure,
		);
		const shown = itemsWithRole(scene.items, 'token', 'rect').length;
		// 600 − 2·28 = 544 px per line; a span is 134 px (4 characters over their bytes, 22 px each, 10 px apart, + 2 × 8
		// padding) + 4 gap → 3 a line.
		expect(shown).toBe(6);
		expect(itemsWithRole(scene.items, 'strip-more', 'text')[0]!.text).toBe('… and 44 more tokens');
		expect(
			itemsWithRole(scene.items, 'token-bytes', 'text')
				.slice(0, 4)
				.map((t) => [t.text, t.x]),
		).toEqual([
			['61', 47],
			['62', 79],
			['63', 111],
			['64', 143],
		]);
		const never = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens }], showBytes: 'never' },
			fakeMeasure,
		);
		expect(itemsWithRole(never.items, 'token-bytes')).toEqual([]);
	});

	it('GIVEN more lines than the chart’s height allows THEN it drops lines to stay no taller than wide and 1,200 px', () => {
		const many = Array.from({ length: 50 }, (_, i) => ({ text: 'abcd', id: i, bytes: [0x61, 0x62, 0x63, 0x64] }));
		const narrow = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens: many }], width: 600, showBytes: 'always' },
			fakeMeasure,
		);
		// Header and heading 125, each line 98 + 12 (less the last gap), the "… more" line 34, padding 28: three lines
		// of three spans make 505 px; four would make 615 > 600.
		expect(narrow.height).toBe(505);
		expect(itemsWithRole(narrow.items, 'token', 'rect')).toHaveLength(9);
		const tall = Array.from({ length: 400 }, (_, i) => ({ text: 'abcd', id: i }));
		const wide = layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens: tall }] }, fakeMeasure);
		expect(wide.width).toBe(MAX_WIDTH);
		expect(wide.height).toBeLessThanOrEqual(MAX_HEIGHT);
		expect(itemsWithRole(wide.items, 'strip-more')).toHaveLength(1);
	});

	it('GIVEN a token wider than the image THEN it is truncated with an ellipsis to fit one line', () => {
		const scene = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens: [{ text: 'x'.repeat(100), id: 1 }] }], width: 200 },
			fakeMeasure,
		);
		const box = itemsWithRole(scene.items, 'token', 'rect')[0]!;
		expect(box.w).toBe(144);
		// 144 − 2 × 8 padding = 128 px: eight 14 px graphemes and the ellipsis.
		expect(itemsWithRole(scene.items, 'token-text', 'text')[0]!.text).toBe(`${'x'.repeat(8)}…`);
	});

	it('GIVEN two strips with Korean and emoji THEN the PNG has the computed size', async () => {
		const input = {
			title: '안녕 🙂',
			strips: [
				{ heading: 'a', tokens },
				{ heading: 'b', tokens: [{ text: '👩‍💻', id: 9 }] },
			],
		};
		const png = await renderTokenStrips(input);
		const scene = layoutTokenStrips(input);
		expect(pngSize(png)).toEqual({ width: scene.width, height: scene.height });
	});

	it('GIVEN no width THEN a short text gets the narrowest chart and a long one the widest, so short texts are drawn large', () => {
		const short = layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens }] }, fakeMeasure);
		expect(short.width).toBe(MIN_WIDTH);
		const mid = Array.from({ length: 12 }, (_, i) => ({ text: 'abcd', id: i }));
		// 12 spans of 72 px (4 × 14 + 2 × 8 padding; at least 24) + 11 gaps of 4, plus 2 × 28 padding.
		expect(layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens: mid }] }, fakeMeasure).width).toBe(
			naturalWidth({ title: 'T', strips: [{ heading: 'h', tokens: mid }] }, fakeMeasure),
		);
		expect(naturalWidth({ title: 'T', strips: [{ heading: 'h', tokens: mid }] }, fakeMeasure)).toBe(
			12 * 72 + 11 * 4 + 56,
		);
		const long = Array.from({ length: 100 }, (_, i) => ({ text: 'abcd', id: i }));
		expect(layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens: long }] }, fakeMeasure).width).toBe(
			MAX_WIDTH,
		);
	});
});
