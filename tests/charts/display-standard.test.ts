import { describe, expect, it } from 'vitest';
import { exampleScenes } from '../../src/charts/examples/render-all.js';
import type { Scene } from '../../src/charts/scene.js';
import { layoutTokenStrips } from '../../src/charts/token-strip.js';
import { labelBoxes, offCanvas, overlaps, smallestAtDisplay } from './helpers/label-boxes.js';

let scenes: Record<string, () => Scene>;

/** docs/display-standard.md: the smallest text as a desktop embed (550 px wide) shows it, and on a phone (390 px). */
const TARGET = { desktop: 9, phone: 7 } as const;

/** Every chart kind the examples lay out: a new kind needs a row in docs/display-standard.md's table. */
const KINDS = [
	'token-strips',
	'bar-next-word',
	'bar-next-word-horizontal',
	'heatmap-attention',
	'heatmap-positional-matrix',
	'heatmap-grid-heads',
	'scatter-word-map',
	'line-loss-log',
	'line-positional-encoding',
	'card-progress',
];

/** Print the measurements for docs/display-standard.md: `DISPLAY_REPORT=1 npx vitest run tests/charts/display-standard.test.ts`. */
const report = process.env.DISPLAY_REPORT === '1';

describe('every chart kind against docs/display-standard.md', () => {
	it('GIVEN every chart kind THEN no label leaves the canvas, no two labels overlap, and the smallest text meets the target on desktop and phone', async () => {
		scenes = await exampleScenes();
		expect(Object.keys(scenes).sort()).toEqual([...KINDS].sort());
		for (const [name, layout] of Object.entries(scenes)) {
			const scene = layout();
			const boxes = labelBoxes(scene);
			const shown = (b: (typeof boxes)[number]) => `${b.item.role ?? '?'} “${b.item.text}”`;
			expect(offCanvas(scene, boxes).map(shown), name).toEqual([]);
			expect(
				overlaps(boxes).map(([a, b]) => `${shown(a)} × ${shown(b)}`),
				name,
			).toEqual([]);
			expect(KINDS, 'every chart kind has a row in the standard').toContain(name);
			expect(smallestAtDisplay(scene, 550), name).toBeGreaterThanOrEqual(TARGET.desktop);
			expect(smallestAtDisplay(scene, 390), name).toBeGreaterThanOrEqual(TARGET.phone);
			if (report)
				console.log(
					`${name}: ${scene.width}×${scene.height}, smallest text ${smallestAtDisplay(scene, 550).toFixed(1)} px at 550, ${smallestAtDisplay(scene, 390).toFixed(1)} px at 390`,
				);
		}
	}, 300_000);

	it('GIVEN a short text’s token strips (as /tokenize draws them) THEN the smallest text meets the target on desktop and phone', () => {
		const tokens = [
			{ text: '안', id: 14307, bytes: [0xec, 0x95, 0x88] },
			{ text: '녕', id: 98931, bytes: [0xeb, 0x85, 0x95] },
			{ text: ' world', id: 2375, bytes: [0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64] },
		];
		const scene = layoutTokenStrips({
			title: 'How gpt-4o splits your text into tokens',
			strips: [{ heading: 'gpt-4o · o200k_base · 3 tokens', tokens }],
			showBytes: 'always',
		});
		expect(smallestAtDisplay(scene, 550)).toBeGreaterThanOrEqual(TARGET.desktop);
		expect(smallestAtDisplay(scene, 390)).toBeGreaterThanOrEqual(TARGET.phone);
		const boxes = labelBoxes(scene);
		expect(offCanvas(scene, boxes)).toEqual([]);
		expect(overlaps(boxes)).toEqual([]);
	});
});
