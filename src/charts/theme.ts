import type { FontSpec } from './fonts.js';

/**
 * One look for every chart. Discord shows a PNG on the member's own background (light, dark, or near-black), so every
 * chart is an opaque, neutral dark-grey card with a thin lighter border: it reads as a deliberate panel on white,
 * stands apart from Discord's dark greys (#313338, #2b2d31) and black, and nothing in it depends on the viewer's
 * theme. No transparency at all (no rounded corners): antialiased transparent corners would blend with whatever is
 * behind, and an opaque image also lets the PNG encoder skip un-premultiplying.
 */
export const THEME = {
	background: '#1e1f24',
	border: '#3b3e46',
	/** A raised surface on the card: stat tiles, progress-bar tracks, legend boxes. */
	surface: '#2a2c33',
	text: '#eceef2',
	textMuted: '#a9aeb8',
	textFaint: '#7c818c',
	/** Text drawn on light fills (token spans, light heatmap cells). */
	textOnLight: '#15161a',
	grid: '#32353c',
	axis: '#646974',
	/** Masked heatmap cells: a flat fill with diagonal hatching, unlike any colour of either scale. */
	masked: '#26282e',
	hatch: '#4a4e57',
	padding: 28,
	fonts: {
		title: { size: 34, weight: 'bold' },
		subtitle: { size: 23 },
		heading: { size: 24, weight: 'bold' },
		axisTitle: { size: 22 },
		label: { size: 22 },
		tick: { size: 22 },
		small: { size: 22 },
		tileValue: { size: 40, weight: 'bold' },
	} satisfies Record<string, FontSpec>,
} as const;

/**
 * The categorical palette: Okabe & Ito's colour-blind-safe set (Okabe & Ito 2008, "Color Universal Design"), in an
 * order whose first colours stay far apart under protanopia, deuteranopia and tritanopia; their black is replaced by
 * light grey, which shows on the dark card. Each reaches at least 3:1 contrast on THEME.background except blue
 * (kept last and used only when eight groups are needed).
 */
export const PALETTE = [
	'#56b4e9', // sky blue
	'#e69f00', // orange
	'#009e73', // bluish green
	'#f0e442', // yellow
	'#cc79a7', // reddish purple
	'#d55e00', // vermillion
	'#bbbbbb', // grey (Okabe–Ito black, lightened for the dark card)
	'#0072b2', // blue
] as const;

/** The palette colour for group or series number `index` (cycles past eight). */
export function categorical(index: number): string {
	return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** The colour that marks a chosen item (the sampled token's bar): the palette's yellow, unused by the first series. */
export const HIGHLIGHT = PALETTE[3];
