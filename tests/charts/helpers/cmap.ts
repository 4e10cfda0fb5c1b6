import { readFileSync } from 'node:fs';

/**
 * The code points an OpenType/TrueType font maps (its best Unicode cmap subtable, format 4 or 12). Enough of the
 * sfnt format to check coverage without trusting the renderer, which may fall back to system fonts.
 */
export function cmapCodePoints(file: string): Set<number> {
	const font = readFileSync(file);
	const tables = font.readUInt16BE(4);
	let cmap = -1;
	for (let i = 0; i < tables; i++) {
		const at = 12 + i * 16;
		if (font.toString('latin1', at, at + 4) === 'cmap') cmap = font.readUInt32BE(at + 8);
	}
	if (cmap < 0) throw new Error(`${file}: no cmap`);
	const subtables = font.readUInt16BE(cmap + 2);
	let best: { offset: number; format: number } | undefined;
	for (let i = 0; i < subtables; i++) {
		const at = cmap + 4 + i * 8;
		const platform = font.readUInt16BE(at);
		const encoding = font.readUInt16BE(at + 2);
		const offset = cmap + font.readUInt32BE(at + 4);
		const format = font.readUInt16BE(offset);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { offset, format };
	}
	if (!best) throw new Error(`${file}: no Unicode cmap`);
	const points = new Set<number>();
	const o = best.offset;
	if (best.format === 12) {
		const groups = font.readUInt32BE(o + 12);
		for (let g = 0; g < groups; g++) {
			const start = font.readUInt32BE(o + 16 + g * 12);
			const end = font.readUInt32BE(o + 20 + g * 12);
			for (let c = start; c <= end; c++) points.add(c);
		}
	} else {
		const segX2 = font.readUInt16BE(o + 6);
		const ends = o + 14;
		const starts = ends + segX2 + 2;
		const deltas = starts + segX2;
		const ranges = deltas + segX2;
		for (let s = 0; s < segX2 / 2; s++) {
			const end = font.readUInt16BE(ends + 2 * s);
			const start = font.readUInt16BE(starts + 2 * s);
			const delta = font.readInt16BE(deltas + 2 * s);
			const rangeOffset = font.readUInt16BE(ranges + 2 * s);
			for (let c = start; c <= end && c !== 0xffff; c++) {
				const glyph =
					rangeOffset === 0 ? (c + delta) & 0xffff : font.readUInt16BE(ranges + 2 * s + rangeOffset + 2 * (c - start));
				if (glyph !== 0) points.add(c);
			}
		}
	}
	return points;
}
