import type { Box } from './frame.js';

/** A point to label: where it is, its marker radius, and the size of its label's box. */
export interface LabelAnchor {
	x: number;
	y: number;
	r: number;
	w: number;
	h: number;
}

/** Where a label went: its box (top-left corner and size); `leader` when it sits away from its point. */
export type PlacedLabel = Box & { leader?: boolean };

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

/** Distances (px from the point to the label's near edge) and directions tried for a label on a leader line. */
const LEADER_DISTANCES = [22, 36, 54, 76, 102, 132, 166, 204, 246, 292, 342];
const LEADER_DIRECTIONS = 24;

const LABEL_GAP = 3;

/** A straight line from (x1, y1) to (x2, y2). */
export interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** The leader from a point to the nearest point of its label's box. */
export function leaderLine(a: { x: number; y: number }, box: Box): Segment {
	return {
		x1: a.x,
		y1: a.y,
		x2: Math.max(box.x, Math.min(a.x, box.x + box.w)),
		y2: Math.max(box.y, Math.min(a.y, box.y + box.h)),
	};
}

/** Whether a segment passes through a box's inside (Liang–Barsky clipping). */
function crosses(l: Segment, b: Box): boolean {
	const dx = l.x2 - l.x1;
	const dy = l.y2 - l.y1;
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, l.x1 - b.x],
		[dx, b.x + b.w - l.x1],
		[-dy, l.y1 - b.y],
		[dy, b.y + b.h - l.y1],
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q <= 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 >= t1) return false;
	}
	return true;
}

/** A label box `d` px from the anchor in direction `angle`: the box's near side faces the point. */
function awayBox(a: LabelAnchor, d: number, angle: number): Box {
	const px = a.x + (a.r + d) * Math.cos(angle);
	const py = a.y + (a.r + d) * Math.sin(angle);
	const c = Math.cos(angle);
	const x = Math.abs(c) < 0.3 ? px - a.w / 2 : c > 0 ? px : px - a.w;
	const s = Math.sin(angle);
	const y = Math.abs(s) < 0.3 ? py - a.h / 2 : s > 0 ? py : py - a.h;
	return { x, y, w: a.w, h: a.h };
}

/**
 * Greedy label placement: each label, in the given order (put the important ones first), takes the first candidate
 * position that stays inside `bounds` and overlaps neither an earlier label nor any point's marker: next to its point
 * first; where points crowd (with `leaders`), further out in widening rings, joined to its point by a leader line that
 * never runs through a label (and avoids other points unless the point is boxed in by them). With `leaders`, labels
 * that found no room are moved to the front and the placement tried again, keeping the try that leaves out fewest.
 * A label with no free position is left out (`null`): an unreadable pile of text helps nobody.
 */
export function placeLabels(
	anchors: readonly LabelAnchor[],
	bounds: Box,
	gap = 4,
	leaders = false,
): (PlacedLabel | null)[] {
	let order = anchors.map((_, i) => i);
	let last = placeInOrder(anchors, order, bounds, gap, leaders);
	let best = last;
	const left = (r: readonly (PlacedLabel | null)[]) => r.filter((b) => !b).length;
	for (let tries = 0; leaders && tries < 12 && left(best) > 0; tries++) {
		const missing = order.filter((i) => !last[i]);
		order = [...missing, ...order.filter((i) => last[i])];
		last = placeInOrder(anchors, order, bounds, gap, leaders);
		if (left(last) < left(best)) best = last;
	}
	return best;
}

/** One greedy pass over the anchors in `order`; the result is indexed like `anchors`. */
function placeInOrder(
	anchors: readonly LabelAnchor[],
	order: readonly number[],
	bounds: Box,
	gap: number,
	leaders: boolean,
): (PlacedLabel | null)[] {
	const markers = anchors.map((a): Box => ({ x: a.x - a.r, y: a.y - a.r, w: 2 * a.r, h: 2 * a.r }));
	const placed: Box[] = [];
	const lines: Segment[] = [];
	// Neighbouring labels keep a few pixels apart, so two words never read as one.
	const apart = (b: Box): Box => ({ x: b.x - LABEL_GAP, y: b.y, w: b.w + 2 * LABEL_GAP, h: b.h });
	const free = (box: Box) =>
		inside(box, bounds) &&
		!placed.some((p) => overlaps(apart(p), box)) &&
		!markers.some((m) => overlaps(m, box)) &&
		!lines.some((l) => crosses(l, box));
	const out: (PlacedLabel | null)[] = anchors.map(() => null);
	for (const i of order) {
		const anchor = anchors[i]!;
		out[i] = nearBox(anchor, gap, free) ?? (leaders ? leaderBox(i) : null);
		if (out[i]) placed.push(out[i]);
	}
	return out;

	function leaderBox(i: number): PlacedLabel | null {
		const anchor = anchors[i]!;
		for (const avoidPoints of [true, false])
			for (const d of LEADER_DISTANCES)
				for (let k = 0; k < LEADER_DIRECTIONS; k++) {
					const far = awayBox(anchor, d, (2 * Math.PI * k) / LEADER_DIRECTIONS);
					if (!free(far)) continue;
					const line = leaderLine(anchor, far);
					if (placed.some((p) => crosses(line, p))) continue;
					if (avoidPoints && markers.some((m, j) => j !== i && crosses(line, m))) continue;
					lines.push(line);
					return { ...far, leader: true };
				}
		return null;
	}
}

/** The first of the eight positions beside the point that is free. */
function nearBox(anchor: LabelAnchor, gap: number, free: (box: Box) => boolean): Box | null {
	for (const candidate of CANDIDATES) {
		const box = candidate(anchor, gap);
		if (free(box)) return box;
	}
	return null;
}
