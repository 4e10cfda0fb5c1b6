import type { FontSpec } from './fonts.js';

/**
 * What every chart layout produces: a flat list of drawing primitives with exact positions and colours. Layouts are
 * pure (tested exactly); `render.ts` is the only code that draws. `role` names what an item is (`bar`, `tick-label`,
 * `title`…) so tests and callers can find items without depending on their order.
 */
export interface Scene {
	width: number;
	height: number;
	background: string;
	items: SceneItem[];
	/** Alt text describing the chart, for screen readers (Discord's attachment description). */
	description: string;
}

interface Base {
	role?: string;
}

export interface RectItem extends Base {
	kind: 'rect';
	x: number;
	y: number;
	w: number;
	h: number;
	fill?: string;
	stroke?: string;
	lineWidth?: number;
	radius?: number;
	/** Draws diagonal hatching in this colour over the fill (masked cells). */
	hatch?: string;
}

export interface TextItem extends Base {
	kind: 'text';
	x: number;
	y: number;
	text: string;
	font: FontSpec;
	color: string;
	align: 'left' | 'center' | 'right';
	baseline: 'top' | 'middle' | 'alphabetic' | 'bottom';
	/** Rotation in radians around (x, y); −π/2 reads bottom to top (y-axis titles). */
	rotate?: number;
}

export interface LineItem extends Base {
	kind: 'line';
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	color: string;
	width: number;
	dash?: number[];
}

export interface PolylineItem extends Base {
	kind: 'polyline';
	/** Flat x, y pairs. */
	points: number[];
	color: string;
	width: number;
	dash?: number[];
}

export interface CircleItem extends Base {
	kind: 'circle';
	cx: number;
	cy: number;
	r: number;
	fill: string;
	stroke?: string;
}

/** A grid of equal cells, row-major: one item for a whole heatmap instead of thousands of rects. */
export interface CellsItem extends Base {
	kind: 'cells';
	x: number;
	y: number;
	cellWidth: number;
	cellHeight: number;
	rows: number;
	cols: number;
	/** rows × cols colours, row-major; `null` for a masked cell. */
	fills: (string | null)[];
	/** Gap between cells in pixels (0 for large matrices, drawn as an image). */
	gap: number;
	/** Draw as one scaled image even when small (colour bars: no seams between steps). */
	asImage?: boolean;
	masked?: { fill: string; hatch: string };
}

/** Items shifted by (dx, dy): how a card embeds another chart's scene. */
export interface GroupItem extends Base {
	kind: 'group';
	dx: number;
	dy: number;
	items: SceneItem[];
}

export type SceneItem = RectItem | TextItem | LineItem | PolylineItem | CircleItem | CellsItem | GroupItem;

/** Every item of `items` with the given role, looking inside groups (for tests and for callers that annotate). */
export function itemsWithRole<K extends SceneItem['kind']>(
	items: readonly SceneItem[],
	role: string,
	kind?: K,
): Extract<SceneItem, { kind: K }>[] {
	const out: SceneItem[] = [];
	const visit = (list: readonly SceneItem[]): void => {
		for (const item of list) {
			if (item.role === role && (kind === undefined || item.kind === kind)) out.push(item);
			if (item.kind === 'group') visit(item.items);
		}
	};
	visit(items);
	return out as Extract<SceneItem, { kind: K }>[];
}
