import { createCanvas } from '@napi-rs/canvas';
import { exampleScenes } from '../src/charts/examples/render-all.js';
import { encodePngSync } from '../src/charts/png.js';
import { renderScene } from '../src/charts/render.js';
import { median, timeRuns, type BenchRow, type BenchSuite } from './types.js';

const RUNS = 21;

/**
 * Each chart kind on its example data (docs/charts) at 1200×600: layout + draw + PNG encode, median of 21 runs after
 * 3 warm-ups (fonts are registered during warm-up). Then the PNG encoder on its own, against Skia's built-in one.
 */
const suite: BenchSuite = {
	area: 'charts',
	async run(): Promise<BenchRow[]> {
		const scenes = await exampleScenes({ width: 1200, height: 600 });
		const rows: BenchRow[] = [];
		for (const [name, layout] of Object.entries(scenes)) {
			let size = '';
			const times = await timeRuns(() => {
				const scene = layout();
				const canvas = renderScene(scene);
				encodePngSync(canvas.data(), canvas.width, canvas.height);
				size = `${scene.width}×${scene.height}`;
			}, RUNS);
			rows.push({
				name: `chart: ${name} ${size}, layout + render + PNG encode (median)`,
				value: median(times),
				unit: 'ms',
				note: 'budget 50 ms',
			});
		}
		const canvas = renderScene((scenes['heatmap-attention'] ?? Object.values(scenes)[0]!)());
		const ours = median(await timeRuns(() => encodePngSync(canvas.data(), canvas.width, canvas.height), RUNS));
		const skia = median(await timeRuns(() => canvas.toBuffer('image/png'), RUNS));
		rows.push({
			name: 'chart: PNG encode of a 1200×600 heatmap, ours (zlib level 1, filter None)',
			value: ours,
			unit: 'ms',
			reference: { name: "Skia's encoder (canvas.toBuffer)", value: skia, unit: 'ms' },
			ratio: skia / ours,
			note: 'speed-up, higher is better',
		});
		// Keep the import of createCanvas honest: a blank 1200×600 canvas is the floor for draw + encode.
		const blank = createCanvas(1200, 600);
		blank.getContext('2d').fillRect(0, 0, 1200, 600);
		rows.push({
			name: 'chart: PNG encode of a blank 1200×600 canvas (floor)',
			value: median(await timeRuns(() => encodePngSync(blank.data(), 1200, 600), RUNS)),
			unit: 'ms',
		});
		return rows;
	},
};

export default suite;
