/** An sRGB colour as 0–255 channels. */
export interface Rgb {
	r: number;
	g: number;
	b: number;
}

/** Parses `#rrggbb` (or `#rgb`). Throws on anything else: colours here are constants, so a bad one is a bug. */
export function parseHex(hex: string): Rgb {
	const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
	if (short)
		return {
			r: parseInt(short[1]! + short[1]!, 16),
			g: parseInt(short[2]! + short[2]!, 16),
			b: parseInt(short[3]! + short[3]!, 16),
		};
	const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!long) throw new Error(`charts: not a #rrggbb colour: ${hex}`);
	return { r: parseInt(long[1]!, 16), g: parseInt(long[2]!, 16), b: parseInt(long[3]!, 16) };
}

/** `#rrggbb` in lower case; channels are rounded and clamped to 0–255. */
export function toHex({ r, g, b }: Rgb): string {
	const channel = (v: number): string =>
		Math.max(0, Math.min(255, Math.round(v)))
			.toString(16)
			.padStart(2, '0');
	return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** The colour `t` of the way from `a` to `b` (0 gives `a`), interpolated in sRGB. */
export function mix(a: string, b: string, t: number): string {
	const p = parseHex(a);
	const q = parseHex(b);
	return toHex({ r: p.r + (q.r - p.r) * t, g: p.g + (q.g - p.g) * t, b: p.b + (q.b - p.b) * t });
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
	const { r, g, b } = parseHex(hex);
	const linear = (v: number): number => {
		const c = v / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
	const la = luminance(a);
	const lb = luminance(b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Of a dark and a light text colour, the one with more contrast on `background`. */
export function textOn(background: string, dark: string, light: string): string {
	return contrast(background, dark) >= contrast(background, light) ? dark : light;
}
