import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import {
	byteGroups,
	hexBytes,
	layoutTokenStrips,
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
		// Header: title line at 28, 32.5 px high, then 18 px → 79; heading 17 + 12 → spans start at y 108.
		expect(itemsWithRole(scene.items, 'strip-heading', 'text')[0]).toMatchObject({ x: 28, y: 79, text: 'h' });
		const boxes = itemsWithRole(scene.items, 'token', 'rect').map(({ x, y, w, h, fill }) => ({ x, y, w, h, fill }));
		expect(boxes).toEqual([
			{ x: 28, y: 108, w: 28, h: 28, fill: TOKEN_COLORS[0] },
			{ x: 59, y: 108, w: 60, h: 28, fill: TOKEN_COLORS[1] },
			{ x: 122, y: 108, w: 30, h: 28, fill: TOKEN_COLORS[2] },
			// Second line: 108 + (28 + 17 + 15 bytes row) + 10 gap.
			{ x: 28, y: 178, w: 23, h: 28, fill: TOKEN_COLORS[3] },
		]);
		const texts = itemsWithRole(scene.items, 'token-text', 'text').map((t) => [t.text, t.x, t.color]);
		expect(texts.map((t) => t[0])).toEqual(['Hi', '⋅', 'there', '↵', '�']);
		// ' there' is drawn as two runs so the space mark gets its own (bold) font: '⋅' at 65, 'there' one grapheme (8 px) later.
		expect(texts[1]!.slice(1)).toEqual([65, '#444548']);
		expect(texts[2]!.slice(1)).toEqual([73, '#15161a']);
		expect(itemsWithRole(scene.items, 'token-id', 'text').map((t) => [t.text, t.x, t.y])).toEqual([
			['1', 42, 139],
			['2000', 89, 139],
			['198', 137, 139],
			['5', 39.5, 209],
		]);
		expect(itemsWithRole(scene.items, 'token-bytes', 'text').map((t) => [t.text, t.y])).toEqual([['EC', 224]]);
		expect(scene.height).toBe(266);
		expect(scene.description).toBe('T. h: 4 tokens.');
	});

	it('GIVEN more tokens than fit in maxLinesPerStrip THEN the rest is summarised, and bytes can be forced on or off', () => {
		const many = Array.from({ length: 50 }, (_, i) => ({ text: 'abcd', id: i, bytes: [0x61, 0x62, 0x63, 0x64] }));
		const scene = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens: many }], width: 300, maxLinesPerStrip: 2, showBytes: 'always' },
			fakeMeasure,
		);
		const shown = itemsWithRole(scene.items, 'token', 'rect').length;
		// 300 − 2·28 = 244 px per line; a span is 80 px (4 characters over their bytes, 11 px each, 8 px apart, + 2 × 6
		// padding) + 3 gap → 2 a line.
		expect(shown).toBe(4);
		expect(itemsWithRole(scene.items, 'strip-more', 'text')[0]!.text).toBe('… and 46 more tokens');
		expect(
			itemsWithRole(scene.items, 'token-bytes', 'text')
				.slice(0, 4)
				.map((t) => [t.text, t.x]),
		).toEqual([
			['61', 39.5],
			['62', 58.5],
			['63', 77.5],
			['64', 96.5],
		]);
		const never = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens }], showBytes: 'never' },
			fakeMeasure,
		);
		expect(itemsWithRole(never.items, 'token-bytes')).toEqual([]);
	});

	it('GIVEN a token wider than the image THEN it is truncated with an ellipsis to fit one line', () => {
		const scene = layoutTokenStrips(
			{ title: 'T', strips: [{ heading: 'h', tokens: [{ text: 'x'.repeat(100), id: 1 }] }], width: 200 },
			fakeMeasure,
		);
		const box = itemsWithRole(scene.items, 'token', 'rect')[0]!;
		expect(box.w).toBe(144);
		expect(itemsWithRole(scene.items, 'token-text', 'text')[0]!.text).toBe(`${'x'.repeat(15)}…`);
	});

	it('GIVEN bytes THEN hex is upper case, two digits each', () => {
		expect(hexBytes([0xf0, 0x9f, 0x91, 0x0a])).toBe('F0 9F 91 0A');
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
		// 12 spans of 36 px (4 × 8 + 2 × 6 padding… at least 16) + 11 gaps of 3, plus 2 × 28 padding.
		expect(layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens: mid }] }, fakeMeasure).width).toBe(
			naturalWidth({ title: 'T', strips: [{ heading: 'h', tokens: mid }] }, fakeMeasure),
		);
		expect(naturalWidth({ title: 'T', strips: [{ heading: 'h', tokens: mid }] }, fakeMeasure)).toBe(
			12 * 44 + 11 * 3 + 56,
		);
		const long = Array.from({ length: 100 }, (_, i) => ({ text: 'abcd', id: i }));
		expect(layoutTokenStrips({ title: 'T', strips: [{ heading: 'h', tokens: long }] }, fakeMeasure).width).toBe(
			MAX_WIDTH,
		);
	});

	it('GIVEN a whole-character token with bytes THEN each character stands over its own bytes; a partial one over all', () => {
		const groups = byteGroups({ text: '안녕', id: 1, bytes: [0xec, 0x95, 0x88, 0xeb, 0x85, 0x95] }, fakeMeasure);
		expect(groups.map((g) => [g.label, g.hex])).toEqual([
			['안', 'EC 95 88'],
			['녕', 'EB 85 95'],
		]);
		expect(byteGroups({ text: '\uFFFD', id: 2, bytes: [0xec, 0x95] }, fakeMeasure).map((g) => g.hex)).toEqual([
			'EC 95',
		]);
	});
});
