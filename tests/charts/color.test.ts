import { describe, expect, it } from 'vitest';
import { contrast, mix, parseHex, textOn, toHex } from '../../src/charts/color.js';
import { blueWhiteRed, divergingScale, sequentialScale, viridis } from '../../src/charts/color-scales.js';
import { categorical, PALETTE, THEME } from '../../src/charts/theme.js';

describe('colours', () => {
	it('GIVEN hex colours THEN they parse, print, mix and compare by WCAG contrast', () => {
		expect(parseHex('#1e1f24')).toEqual({ r: 30, g: 31, b: 36 });
		expect(parseHex('#fff')).toEqual({ r: 255, g: 255, b: 255 });
		expect(toHex({ r: 255.4, g: -3, b: 16 })).toBe('#ff0010');
		expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(textOn('#fde725', '#15161a', '#ffffff')).toBe('#15161a');
		expect(textOn('#440154', '#15161a', '#ffffff')).toBe('#ffffff');
		expect(() => parseHex('red')).toThrow();
	});

	it('GIVEN t THEN viridis matches matplotlib’s table at the ends and middle', () => {
		expect(viridis(0)).toBe('#440154');
		expect(viridis(0.5)).toBe('#21918c');
		expect(viridis(1)).toBe('#fde725');
		expect(viridis(-3)).toBe('#440154');
		expect(viridis(Number.NaN)).toBe('#440154');
	});

	it('GIVEN t THEN the diverging map runs dark blue, white, dark red through the ColorBrewer RdBu classes', () => {
		expect(blueWhiteRed(0)).toBe('#053061');
		expect(blueWhiteRed(0.5)).toBe('#f7f7f7');
		expect(blueWhiteRed(1)).toBe('#67001f');
		expect(blueWhiteRed(0.1)).toBe('#2166ac');
	});

	it('GIVEN signed values THEN the diverging scale is symmetric about 0 and maps 0 to white', () => {
		const scale = divergingScale([-0.2, 0.5, 0.9]);
		expect(scale.domain).toEqual([-0.9, 0.9]);
		expect(scale.color(0)).toBe('#f7f7f7');
		expect(scale.color(0.9)).toBe('#67001f');
		expect(scale.color(-0.9)).toBe('#053061');
		expect(scale.color(5)).toBe('#67001f');
		const fixed = divergingScale([], [-0.2, 1]);
		expect(fixed.color(0)).toBe('#f7f7f7');
		expect(fixed.color(-0.2)).toBe('#053061');
		expect(fixed.ticks).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8, 1]);
	});

	it('GIVEN values THEN the sequential scale spans their range (or the given domain) with nice legend ticks', () => {
		const scale = sequentialScale([0.1, 0.3, Number.NaN, 0.9]);
		expect(scale.domain).toEqual([0.1, 0.9]);
		expect(scale.color(0.1)).toBe('#440154');
		expect(scale.color(0.9)).toBe('#fde725');
		expect(scale.color(Number.NaN)).toBe(scale.missing);
		expect(sequentialScale([], [0, 1]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(sequentialScale([2, 2]).domain).toEqual([1, 3]);
	});

	it('GIVEN the categorical palette THEN every colour but the last stands out from the card background by at least 3:1', () => {
		const ratios = PALETTE.map((c) => contrast(c, THEME.background));
		expect(ratios.slice(0, -1).every((r) => r >= 3)).toBe(true);
		expect(categorical(8)).toBe(PALETTE[0]);
		expect(categorical(-1)).toBe(PALETTE[7]);
	});

	it('GIVEN the theme THEN body text reaches 7:1 and muted text 4.5:1 on the card', () => {
		expect(contrast(THEME.text, THEME.background)).toBeGreaterThan(7);
		expect(contrast(THEME.textMuted, THEME.background)).toBeGreaterThan(4.5);
	});
});
