import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { exampleScenes } from '../../src/charts/examples/render-all.js';
import { pngSize } from '../../src/charts/png.js';
import { sceneToPng } from '../../src/charts/render.js';

// The examples read 300 MB of word vectors and train a small model, so they run only when asked:
// `WRITE_CHART_EXAMPLES=1 npx vitest run tests/charts/examples.test.ts` renders them into docs/charts/.
const write = process.env.WRITE_CHART_EXAMPLES === '1';

describe.runIf(write)('chart examples', () => {
	it('GIVEN real example data for every chart kind THEN each renders to a PNG of its scene size in docs/charts', async () => {
		const dir = path.join(repoRoot(), 'docs', 'charts');
		mkdirSync(dir, { recursive: true });
		const scenes = await exampleScenes();
		for (const [name, layout] of Object.entries(scenes)) {
			const scene = layout();
			const png = await sceneToPng(scene);
			expect(pngSize(png), name).toEqual({ width: scene.width, height: scene.height });
			writeFileSync(path.join(dir, `${name}.png`), png);
		}
	}, 300_000);
});
