import type { SceneItem } from './scene.js';
import { PALETTE } from './theme.js';
import { BOX_H } from './token-span.js';

/** Special tokens: unlike every light span, so a chat template's markers stand out from the text around them. */
export const SPECIAL_TOKEN_FILL = '#0b0c0e';
export const SPECIAL_TOKEN_COLOR = PALETTE[3];

/** A special token's span: dark, with a border in the label's colour. */
export function specialRect(x: number, y: number, w: number): SceneItem {
	const fill = SPECIAL_TOKEN_FILL;
	return { kind: 'rect', role: 'token', x, y, w, h: BOX_H, fill, stroke: SPECIAL_TOKEN_COLOR, lineWidth: 2, radius: 4 };
}
