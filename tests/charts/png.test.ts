import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, encodePngSync, pngSize } from '../../src/charts/png.js';
import { renderScene, sceneToPng } from '../../src/charts/render.js';
import type { Scene } from '../../src/charts/scene.js';

/** The IDAT payload of a PNG, inflated. */
function pixelsOf(png: Buffer): Buffer {
	const parts: Buffer[] = [];
	for (let at = 8; at < png.length;) {
		const length = png.readUInt32BE(at);
		if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	return inflateSync(Buffer.concat(parts));
}

describe('PNG encoding', () => {
	it('GIVEN RGBA pixels THEN the PNG holds them row by row behind filter byte 0, with IHDR width and height', async () => {
		const rgba = Uint8Array.from([
			255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 9, 9, 9, 128, 1, 2, 3, 4, 5, 6, 7, 8,
		]);
		const png = await encodePng(rgba, 3, 2);
		expect(pngSize(png)).toEqual({ width: 3, height: 2 });
		expect([...pixelsOf(png)]).toEqual([0, ...rgba.slice(0, 12), 0, ...rgba.slice(12)]);
		expect(encodePngSync(rgba, 3, 2).equals(png)).toBe(true);
		expect(() => encodePngSync(rgba, 4, 2)).toThrow(/expected 32 bytes/);
		expect(pngSize(Buffer.from('not a png at all, really not'))).toBeNull();
	});

	it('GIVEN a scene THEN the rendered PNG is opaque, of the scene size, with the background and a rect where drawn', async () => {
		const scene: Scene = {
			width: 40,
			height: 20,
			background: '#1e1f24',
			description: 'test',
			items: [{ kind: 'rect', x: 20, y: 0, w: 20, h: 20, fill: '#ff0000' }],
		};
		const png = await sceneToPng(scene);
		expect(pngSize(png)).toEqual({ width: 40, height: 20 });
		const raw = pixelsOf(png);
		const px = (x: number, y: number): number[] => [...raw.subarray(y * 161 + 1 + x * 4, y * 161 + 5 + x * 4)];
		expect(px(5, 5)).toEqual([0x1e, 0x1f, 0x24, 255]);
		expect(px(30, 10)).toEqual([255, 0, 0, 255]);
		expect(
			renderScene(scene)
				.data()
				.every((v, i) => i % 4 !== 3 || v === 255),
		).toBe(true);
	});
});
