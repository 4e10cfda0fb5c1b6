import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { cssFont, ensureFonts, FONT_STACK, fontsDir } from '../../src/charts/fonts.js';
import { repoRoot } from '../../src/paths.js';
import { graphemes, WHITESPACE_MARKS } from '../../src/charts/text.js';
import { cmapCodePoints } from './helpers/cmap.js';

const SIZE = 48;

/** Renders one grapheme black on white and returns its RGBA pixels. */
function draw(text: string): Uint8ClampedArray {
	ensureFonts();
	const canvas = createCanvas(SIZE * 3, SIZE * 2);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.fillStyle = '#000000';
	ctx.font = cssFont({ size: SIZE });
	ctx.textBaseline = 'middle';
	ctx.fillText(text, 8, SIZE);
	return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
}

function stats(pixels: Uint8ClampedArray): { ink: number; coloured: number } {
	let ink = 0;
	let coloured = 0;
	for (let i = 0; i < pixels.length; i += 4) {
		const r = pixels[i]!;
		const g = pixels[i + 1]!;
		const b = pixels[i + 2]!;
		if (r < 200 || g < 200 || b < 200) ink++;
		if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
	}
	return { ink, coloured };
}

function same(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}

describe('chart fonts', () => {
	it('GIVEN the module path THEN the repository root holds package.json and the fonts folder holds every font', () => {
		expect(path.basename(fontsDir())).toBe('fonts');
		expect(fontsDir().startsWith(repoRoot())).toBe(true);
		expect(() => ensureFonts()).not.toThrow();
		expect(FONT_STACK).toBe('"Chart Sans", "Chart CJK", "Chart Symbols", "Chart Emoji"');
	});

	it('GIVEN "Hello 안녕하세요 🙂", CJK and a ZWJ emoji THEN every grapheme draws something other than the missing-glyph box', () => {
		// U+10FFFD is a private-use code point no font maps: what it draws is the .notdef box (tofu).
		const tofu = draw('\u{10FFFD}');
		const text = 'Hello 안녕하세요 🙂 漢字 日本語 中文 ㄱㅎ ⋅↵→ 👩‍💻 🇰🇷';
		const failures: string[] = [];
		for (const g of graphemes(text)) {
			if (g === ' ') continue;
			const pixels = draw(g);
			if (same(pixels, tofu) || stats(pixels).ink === 0) failures.push(g);
		}
		expect(failures).toEqual([]);
	});

	it('GIVEN emoji THEN they are drawn in colour, not as monochrome outlines', () => {
		for (const emoji of ['🙂', '👩‍💻', '🇰🇷', '🔥']) {
			const { ink, coloured } = stats(draw(emoji));
			expect(coloured, emoji).toBeGreaterThan(ink * 0.3);
		}
		// Control: text is drawn in the fill colour only.
		expect(stats(draw('안')).coloured).toBe(0);
	});

	it('GIVEN a ZWJ sequence THEN it draws as one glyph, narrower than its two emoji side by side', () => {
		ensureFonts();
		const ctx = createCanvas(10, 10).getContext('2d');
		ctx.font = cssFont({ size: SIZE });
		const joined = ctx.measureText('👩‍💻').width;
		const apart = ctx.measureText('👩💻').width;
		expect(joined).toBeLessThan(apart * 0.75);
	});

	it('GIVEN the shipped font files THEN their cmaps cover Hangul, the common ideographs and the chart marks (no system font needed)', () => {
		const dir = fontsDir();
		const sans = cmapCodePoints(path.join(dir, 'NotoSans-Regular.ttf'));
		const cjk = cmapCodePoints(path.join(dir, 'NotoSansCJKkr-Regular-Subset.otf'));
		const symbols = cmapCodePoints(path.join(dir, 'NotoSansMath-ArrowsOperators.ttf'));
		const covered = (cp: number): boolean => sans.has(cp) || cjk.has(cp) || symbols.has(cp);
		const missing: string[] = [];
		for (let cp = 0xac00; cp <= 0xd7a3; cp++) if (!cjk.has(cp)) missing.push(cp.toString(16));
		for (const ch of 'Hello, world! 0123456789 ÀÉÎõü ΑΒΓ абв 漢字日本語中文学習注意力 ㄱㅏ ぁア 「」。、…−×∅')
			if (!covered(ch.codePointAt(0)!)) missing.push(ch);
		for (const mark of Object.values(WHITESPACE_MARKS)) if (!covered(mark.codePointAt(0)!)) missing.push(mark);
		expect(missing).toEqual([]);
	});
});
