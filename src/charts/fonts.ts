import { existsSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { repoRoot } from '../paths.js';

/** A font request: size in pixels and weight. Every chart text uses the one shared family stack. */
export interface FontSpec {
	size: number;
	weight?: 'normal' | 'bold';
}

/**
 * The families registered from `assets/fonts/`, under names of our own so that a system font of the same name can
 * never be picked instead. Order matters: Skia falls back glyph by glyph along this list, and Twemoji must be last
 * because it maps the digits, `#` and `*` (keycap bases) to empty glyphs.
 */
const FACES = [
	{ family: 'Chart Sans', files: ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'] },
	{ family: 'Chart CJK', files: ['NotoSansCJKkr-Regular-Subset.otf'] },
	{ family: 'Chart Symbols', files: ['NotoSansMath-ArrowsOperators.ttf'] },
	{ family: 'Chart Emoji', files: ['Twemoji.woff2'] },
] as const;

/** The CSS family list every chart text is drawn with. */
export const FONT_STACK = FACES.map((face) => `"${face.family}"`).join(', ');

let registered = false;

/** The folder the chart fonts ship in. */
export function fontsDir(): string {
	return path.join(repoRoot(), 'assets', 'fonts');
}

/**
 * Registers the shipped fonts with Skia, once per process; later calls return at once. Throws when a font file is
 * missing or unreadable, because charts drawn with fallback boxes would be wrong, not merely ugly.
 */
export function ensureFonts(): void {
	if (registered) return;
	const dir = fontsDir();
	for (const face of FACES) {
		for (const file of face.files) {
			const fullPath = path.join(dir, file);
			if (!existsSync(fullPath)) throw new Error(`charts: font file missing: ${fullPath}`);
			if (!GlobalFonts.registerFromPath(fullPath, face.family))
				throw new Error(`charts: could not load font ${fullPath}`);
		}
	}
	registered = true;
}

/** The CSS font shorthand for a spec, e.g. `bold 24px "Chart Sans", …`. */
export function cssFont(font: FontSpec): string {
	return `${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${FONT_STACK}`;
}
