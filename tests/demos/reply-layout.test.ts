import { describe, expect, it, vi } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import type { Scene } from '../../src/charts/scene.js';
import { runForReply } from '../helpers/run-command.js';
import { codeBlockLines, DEMO_INVOCATIONS, replyTexts } from '../helpers/demo-replies.js';
import { labelBoxes, offCanvas, overlaps, smallestAtDisplay } from '../charts/helpers/label-boxes.js';

/** What fits a phone's code block without wrapping (390 px, Discord's monospace). */
const PHONE_CODE_LINE = 40;
const graphemeCount = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].length;

/** docs/display-standard.md: the smallest text as a desktop embed (550 px wide) shows it, and on a phone (390 px). */
const TARGET = { desktop: 9, phone: 7 } as const;

/** Every scene a demo renders, captured on its way to PNG, so its labels can be measured. */
const rendered: Scene[] = [];
vi.mock('../../src/charts/render.js', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../src/charts/render.js')>();
	return {
		...real,
		sceneToPng: async (scene: Scene) => {
			rendered.push(scene);
			return real.sceneToPng(scene);
		},
	};
});

describe('every demo reply on a phone', () => {
	it.each(DEMO_INVOCATIONS)(
		'GIVEN $name THEN no code-block line is longer than 40 characters, no source path is shown, and every chart meets the display standard',
		async ({ name, command, options }) => {
			rendered.length = 0;
			const reply = await runForReply(command, options);
			const long = codeBlockLines(reply).filter((l) => graphemeCount(l) > PHONE_CODE_LINE);
			expect(long).toEqual([]);
			for (const text of replyTexts(reply)) expect(text).not.toMatch(/\bsrc\/|\.ts\b/);
			// docs/display-standard.md: at most 1620 wide, 1200 high, and never taller than wide.
			for (const file of (reply.files ?? []).filter((f) => f.name.endsWith('.png'))) {
				const size = pngSize(file.data)!;
				expect(size.width, file.name).toBeLessThanOrEqual(1620);
				expect(size.height, file.name).toBeLessThanOrEqual(1200);
				expect(size.height / size.width, file.name).toBeLessThanOrEqual(1);
			}
			expect(rendered.length, 'the reply’s charts were drawn').toBeGreaterThan(0);
			for (const scene of rendered) {
				const boxes = labelBoxes(scene);
				const shown = (b: (typeof boxes)[number]) => `${b.item.role ?? '?'} “${b.item.text}”`;
				expect(offCanvas(scene, boxes).map(shown), name).toEqual([]);
				expect(
					overlaps(boxes).map(([a, b]) => `${shown(a)} × ${shown(b)}`),
					name,
				).toEqual([]);
				expect(smallestAtDisplay(scene, 550), name).toBeGreaterThanOrEqual(TARGET.desktop);
				expect(smallestAtDisplay(scene, 390), name).toBeGreaterThanOrEqual(TARGET.phone);
			}
		},
		120_000,
	);
});
