import { mix } from './color.js';
import type { SceneItem } from './scene.js';
import { WHITESPACE_MARKS, type TextMeasurer } from './text.js';
import { PALETTE, THEME } from './theme.js';
import { BOX_H, FONT_BYTES, FONT_TOKEN, GROUP_GAP, ID_H, type ByteGroup } from './token-span.js';

/** Whitespace marks: dark and bold on the light spans, so `⋅⋅⋅` reads as three spaces, not an empty box. */
const MARK_COLOR = mix(THEME.textOnLight, '#ffffff', 0.2);
const FONT_MARK = { size: FONT_TOKEN.size, weight: 'bold' } as const;
const MARKS = new Set<string>(Object.values(WHITESPACE_MARKS));

/**
 * Each character of a span over its own bytes: the groups side by side, centred in the span, each character centred
 * over its hex (when there is more than one group; a single group's label is drawn by {@link labelRuns}).
 */
export function byteGroupItems(groups: readonly ByteGroup[], x: number, w: number, top: number, measure: TextMeasurer) {
	const total = groups.reduce((sum, g) => sum + g.w, 0) + GROUP_GAP * (groups.length - 1);
	let gx = x + (w - total) / 2;
	const items: SceneItem[] = [];
	for (const g of groups) {
		const cx = gx + g.w / 2;
		if (groups.length > 1) items.push(...labelRuns(g.label, cx, top + BOX_H / 2, measure));
		items.push({
			kind: 'text',
			role: 'token-bytes',
			x: cx,
			y: top + BOX_H + ID_H,
			text: g.hex,
			font: FONT_BYTES,
			color: PALETTE[1],
			align: 'center',
			baseline: 'top',
		});
		gx += g.w + GROUP_GAP;
	}
	return items;
}

/**
 * A span's label centred on (cx, cy), split into runs so the whitespace marks can be drawn fainter than the text.
 * Runs are placed left to right from the measured widths.
 */
export function labelRuns(
	label: string,
	cx: number,
	cy: number,
	measure: TextMeasurer,
	textColor: string = THEME.textOnLight,
): SceneItem[] {
	const runs: { text: string; mark: boolean }[] = [];
	for (const ch of label) {
		const mark = MARKS.has(ch);
		const last = runs[runs.length - 1];
		if (last && last.mark === mark) last.text += ch;
		else runs.push({ text: ch, mark });
	}
	if (runs.length === 1) {
		return [
			{
				kind: 'text',
				role: 'token-text',
				x: cx,
				y: cy,
				text: label,
				font: runs[0]!.mark ? FONT_MARK : FONT_TOKEN,
				color: runs[0]!.mark ? MARK_COLOR : textColor,
				align: 'center',
				baseline: 'middle',
			},
		];
	}
	const fontOf = (run: { mark: boolean }) => (run.mark ? FONT_MARK : FONT_TOKEN);
	let x = cx - runs.reduce((sum, run) => sum + measure(run.text, fontOf(run)), 0) / 2;
	return runs.map((run) => {
		const item: SceneItem = {
			kind: 'text',
			role: 'token-text',
			x,
			y: cy,
			text: run.text,
			font: fontOf(run),
			color: run.mark ? MARK_COLOR : textColor,
			align: 'left',
			baseline: 'middle',
		};
		x += measure(run.text, fontOf(run));
		return item;
	});
}
