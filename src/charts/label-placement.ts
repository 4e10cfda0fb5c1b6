import type { Box } from './frame.js';

/** A point to label: where it is, its marker radius, and the size of its label's box. */
export interface LabelAnchor {
	x: number;
	y: number;
	r: number;
	w: number;
	h: number;
}

/** Where a label went: its box (top-left corner and size). */
export type PlacedLabel = Box;

/** Candidate offsets, in order of preference: right, left, above, below, then the four diagonals. */
const CANDIDATES: readonly ((a: LabelAnchor, gap: number) => Box)[] = [
	(a, g) => ({ x: a.x + a.r + g, y: a.y - a.h / 2, w: a.w, h: a.h }),
	(a, g) => ({ x: a.x - a.r - g - a.w, y: a.y - a.h / 2, w: a.w, h: a.h }),
	(a, g) => ({ x: a.x - a.w / 2, y: a.y - a.r - g - a.h, w: a.w, h: a.h }),
	(a, g) => ({ x: a.x - a.w / 2, y: a.y + a.r + g, w: a.w, h: a.h }),
	(a) => ({ x: a.x + a.r, y: a.y - a.r - a.h, w: a.w, h: a.h }),
	(a) => ({ x: a.x + a.r, y: a.y + a.r, w: a.w, h: a.h }),
	(a) => ({ x: a.x - a.r - a.w, y: a.y - a.r - a.h, w: a.w, h: a.h }),
	(a) => ({ x: a.x - a.r - a.w, y: a.y + a.r, w: a.w, h: a.h }),
];

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(box: Box, bounds: Box): boolean {
	return (
		box.x >= bounds.x &&
		box.y >= bounds.y &&
		box.x + box.w <= bounds.x + bounds.w &&
		box.y + box.h <= bounds.y + bounds.h
	);
}

/**
 * Greedy label placement: each label, in the given order (put the important ones first), takes the first candidate
 * position that stays inside `bounds` and overlaps neither an earlier label nor any point's marker. A label with no
 * free position is left out (`null`): an unreadable pile of text helps nobody, and the point still shows.
 */
export function placeLabels(anchors: readonly LabelAnchor[], bounds: Box, gap = 4): (PlacedLabel | null)[] {
	const markers = anchors.map((a): Box => ({ x: a.x - a.r, y: a.y - a.r, w: 2 * a.r, h: 2 * a.r }));
	const placed: Box[] = [];
	return anchors.map((anchor) => {
		for (const candidate of CANDIDATES) {
			const box = candidate(anchor, gap);
			if (!inside(box, bounds)) continue;
			if (placed.some((p) => overlaps(p, box))) continue;
			if (markers.some((m) => overlaps(m, box))) continue;
			placed.push(box);
			return box;
		}
		return null;
	});
}
