import type { Scene, SceneItem, TextItem } from '../../../src/charts/scene.js';
import { measureText, type TextMeasurer } from '../../../src/charts/text.js';

/** A text item's box on the canvas: left, top, right, bottom (rotated text: the box of its rotated corners). */
export interface LabelBox {
	item: TextItem;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** Where a text item's box lies, from its measured width, its font size, its alignment, baseline and rotation. */
export function labelBox(item: TextItem, measure: TextMeasurer = measureText): LabelBox {
	const w = measure(item.text, item.font);
	const h = item.font.size;
	const left = item.align === 'left' ? 0 : item.align === 'center' ? -w / 2 : -w;
	const top =
		item.baseline === 'top' ? 0 : item.baseline === 'middle' ? -h / 2 : item.baseline === 'bottom' ? -h : -0.8 * h;
	const corners = [
		[left, top],
		[left + w, top],
		[left, top + h],
		[left + w, top + h],
	].map(([dx, dy]) => {
		const a = item.rotate ?? 0;
		return [item.x + dx! * Math.cos(a) - dy! * Math.sin(a), item.y + dx! * Math.sin(a) + dy! * Math.cos(a)];
	});
	const xs = corners.map((c) => c[0]!);
	const ys = corners.map((c) => c[1]!);
	return { item, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Every text item of a scene, those inside groups (a card's figure, a chart's panels) moved by their group's offset. */
export function sceneTexts(scene: Scene): TextItem[] {
	const out: TextItem[] = [];
	const visit = (items: readonly SceneItem[], dx: number, dy: number): void => {
		for (const item of items) {
			if (item.kind === 'text') out.push(dx === 0 && dy === 0 ? item : { ...item, x: item.x + dx, y: item.y + dy });
			else if (item.kind === 'group') visit(item.items, dx + item.dx, dy + item.dy);
		}
	};
	visit(scene.items, 0, 0);
	return out;
}

/** Every non-empty text item's box in a scene. */
export function labelBoxes(scene: Scene, measure: TextMeasurer = measureText): LabelBox[] {
	return sceneTexts(scene)
		.filter((i) => i.text.trim() !== '')
		.map((i) => labelBox(i, measure));
}

/** Boxes that reach past the canvas by more than `slack` pixels. */
export function offCanvas(scene: Scene, boxes: readonly LabelBox[], slack = 1): LabelBox[] {
	return boxes.filter(
		(b) => b.x0 < -slack || b.y0 < -slack || b.x1 > scene.width + slack || b.y1 > scene.height + slack,
	);
}

/**
 * Pairs of unrotated labels whose boxes overlap by more than `slack` pixels each way. Rotated labels are left out:
 * their axis-aligned boxes overlap their neighbours' by construction (a 45° column label's box spans the next).
 */
export function overlaps(boxes: readonly LabelBox[], slack = 1): [LabelBox, LabelBox][] {
	const flat = boxes.filter((b) => !b.item.rotate);
	const out: [LabelBox, LabelBox][] = [];
	for (let i = 0; i < flat.length; i++)
		for (let j = i + 1; j < flat.length; j++) {
			const a = flat[i]!;
			const b = flat[j]!;
			const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
			const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
			if (dx > slack && dy > slack) out.push([a, b]);
		}
	return out;
}

/** The smallest font size in a scene, in pixels as Discord shows the image `displayWidth` pixels wide. */
export function smallestAtDisplay(scene: Scene, displayWidth: number): number {
	const sizes = sceneTexts(scene).map((i) => i.font.size);
	return Math.min(...sizes) * Math.min(1, displayWidth / scene.width);
}
