import { createCanvas, type Canvas, type CanvasPattern, type SKRSContext2D } from '@napi-rs/canvas';
import { parseHex } from './color.js';
import { cssFont, ensureFonts } from './fonts.js';
import { encodePng } from './png.js';
import type { CellsItem, RectItem, Scene, SceneItem } from './scene.js';

/** Above this many cells a heatmap is drawn as one scaled image instead of one rect per cell. */
const RECT_CELL_LIMIT = 4096;

/** Draws a scene onto a new canvas of its size. The background is painted first, so the image is fully opaque. */
export function renderScene(scene: Scene): Canvas {
	ensureFonts();
	const canvas = createCanvas(scene.width, scene.height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = scene.background;
	ctx.fillRect(0, 0, scene.width, scene.height);
	const hatches = new Map<string, CanvasPattern>();
	drawItems(ctx, scene.items, hatches);
	return canvas;
}

/** Renders a scene and encodes it as PNG. */
export async function sceneToPng(scene: Scene): Promise<Buffer> {
	const canvas = renderScene(scene);
	return encodePng(canvas.data(), canvas.width, canvas.height);
}

function drawItems(ctx: SKRSContext2D, items: readonly SceneItem[], hatches: Map<string, CanvasPattern>): void {
	for (const item of items) {
		switch (item.kind) {
			case 'rect':
				drawRect(ctx, item, hatches);
				break;
			case 'text':
				ctx.font = cssFont(item.font);
				ctx.fillStyle = item.color;
				ctx.textAlign = item.align;
				ctx.textBaseline = item.baseline;
				if (item.rotate) {
					ctx.save();
					ctx.translate(item.x, item.y);
					ctx.rotate(item.rotate);
					ctx.fillText(item.text, 0, 0);
					ctx.restore();
				} else ctx.fillText(item.text, item.x, item.y);
				break;
			case 'line':
				ctx.beginPath();
				ctx.moveTo(item.x1, item.y1);
				ctx.lineTo(item.x2, item.y2);
				stroke(ctx, item.color, item.width, item.dash);
				break;
			case 'polyline':
				if (item.points.length < 4) break;
				ctx.beginPath();
				ctx.moveTo(item.points[0]!, item.points[1]!);
				for (let i = 2; i + 1 < item.points.length; i += 2) ctx.lineTo(item.points[i]!, item.points[i + 1]!);
				ctx.lineJoin = 'round';
				stroke(ctx, item.color, item.width, item.dash);
				break;
			case 'circle':
				ctx.beginPath();
				ctx.arc(item.cx, item.cy, item.r, 0, Math.PI * 2);
				ctx.fillStyle = item.fill;
				ctx.fill();
				if (item.stroke) stroke(ctx, item.stroke, 1.5);
				break;
			case 'cells':
				drawCells(ctx, item, hatches);
				break;
			case 'group':
				ctx.save();
				ctx.translate(item.dx, item.dy);
				drawItems(ctx, item.items, hatches);
				ctx.restore();
				break;
		}
	}
}

function stroke(ctx: SKRSContext2D, color: string, width: number, dash?: number[]): void {
	ctx.strokeStyle = color;
	ctx.lineWidth = width;
	ctx.setLineDash(dash ?? []);
	ctx.stroke();
	ctx.setLineDash([]);
}

function drawRect(ctx: SKRSContext2D, item: RectItem, hatches: Map<string, CanvasPattern>): void {
	ctx.beginPath();
	if (item.radius) ctx.roundRect(item.x, item.y, item.w, item.h, item.radius);
	else ctx.rect(item.x, item.y, item.w, item.h);
	if (item.fill) {
		ctx.fillStyle = item.fill;
		ctx.fill();
	}
	if (item.hatch) {
		ctx.fillStyle = hatchPattern(ctx, item.hatch, hatches);
		ctx.fill();
	}
	if (item.stroke) stroke(ctx, item.stroke, item.lineWidth ?? 1);
}

/** A repeating diagonal-line tile; anchored to the canvas origin, so neighbouring masked cells hatch seamlessly. */
function hatchPattern(ctx: SKRSContext2D, color: string, cache: Map<string, CanvasPattern>): CanvasPattern {
	const hit = cache.get(color);
	if (hit) return hit;
	const size = 8;
	const tile = createCanvas(size, size);
	const t = tile.getContext('2d');
	t.strokeStyle = color;
	t.lineWidth = 1.5;
	t.beginPath();
	// The main diagonal plus the two corner stubs that continue it across tile edges.
	t.moveTo(0, size);
	t.lineTo(size, 0);
	t.moveTo(-1, 1);
	t.lineTo(1, -1);
	t.moveTo(size - 1, size + 1);
	t.lineTo(size + 1, size - 1);
	t.stroke();
	const pattern = ctx.createPattern(tile, 'repeat');
	if (!pattern) throw new Error('charts: could not create the hatch pattern');
	cache.set(color, pattern);
	return pattern;
}

function drawCells(ctx: SKRSContext2D, item: CellsItem, hatches: Map<string, CanvasPattern>): void {
	const { x, y, cellWidth: w, cellHeight: h, rows, cols, gap } = item;
	// Without gaps the grid is an image: one draw call however many cells (rect by rect, 8 heads of 24×24 took 20 ms).
	if (gap === 0 || item.asImage || rows * cols > RECT_CELL_LIMIT) {
		drawCellsAsImage(ctx, item);
	} else {
		for (let r = 0; r < rows; r++) {
			for (let c = 0; c < cols; c++) {
				const fill = item.fills[r * cols + c];
				if (fill === null) continue;
				ctx.fillStyle = fill ?? '#000000';
				ctx.fillRect(x + c * w + gap / 2, y + r * h + gap / 2, w - gap, h - gap);
			}
		}
	}
	if (!item.masked || !item.fills.includes(null)) return;
	// All masked cells in one path, filled twice (flat colour, then hatching): two draw calls in all.
	ctx.beginPath();
	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) {
			if (item.fills[r * cols + c] === null) ctx.rect(x + c * w + gap / 2, y + r * h + gap / 2, w - gap, h - gap);
		}
	}
	ctx.fillStyle = item.masked.fill;
	ctx.fill();
	ctx.fillStyle = hatchPattern(ctx, item.masked.hatch, hatches);
	ctx.fill();
}

/** One pixel per cell, scaled up without smoothing: thousands of cells in one draw call. */
function drawCellsAsImage(ctx: SKRSContext2D, item: CellsItem): void {
	const pixels = createCanvas(item.cols, item.rows);
	const p = pixels.getContext('2d');
	const image = p.createImageData(item.cols, item.rows);
	const parsed = new Map<string, { r: number; g: number; b: number }>();
	item.fills.forEach((fill, i) => {
		if (fill === null) return;
		let rgb = parsed.get(fill);
		if (!rgb) {
			rgb = parseHex(fill);
			parsed.set(fill, rgb);
		}
		image.data[i * 4] = rgb.r;
		image.data[i * 4 + 1] = rgb.g;
		image.data[i * 4 + 2] = rgb.b;
		image.data[i * 4 + 3] = 255;
	});
	p.putImageData(image, 0, 0);
	ctx.save();
	ctx.imageSmoothingEnabled = false;
	ctx.drawImage(pixels, item.x, item.y, item.cols * item.cellWidth, item.rows * item.cellHeight);
	ctx.restore();
}
