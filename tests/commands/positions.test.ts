import { describe, expect, it } from 'vitest';
import positions from '../../commands/positions.js';
import { pngSize } from '../../src/charts/index.js';
import { runForReply } from '../helpers/run-command.js';
import { shippedWeights } from '../demos/residual/weights.js';

const { config, weights } = shippedWeights();
const wpe = weights.get('wpe')!.data;
const row = (p: number): number[] => Array.from(wpe.subarray(p * config.dModel, (p + 1) * config.dModel));
const len = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cos = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0) / (len(a) * len(b));
const f = (x: number): string => x.toFixed(2);

describe('/positions', () => {
	it('GIVEN length 64 and dims 32 THEN three charts of the stated sizes and the sinusoidal numbers of the formula', async () => {
		const reply = await runForReply(positions, { length: 64, dims: 32 });
		expect(reply.files!.map((file) => [file.name, pngSize(file.data)])).toEqual([
			['positions-sinusoidal.png', { width: 1200, height: 760 }],
			['positions-learnt.png', { width: 1200, height: 760 }],
			['positions-distance.png', { width: 1200, height: 560 }],
		]);
		expect(reply.embeds!.map((e) => e.image?.url)).toEqual(reply.files!.map((file) => `attachment://${file.name}`));
		const text = reply.embeds![0]!.description!;
		// Pair 0 repeats every 2π; pair 15 every 2π·10000^(30/32); neighbours' dot product Σ cos(ωᵢ).
		expect(text).toContain(
			`pair 0 repeats every **${f(2 * Math.PI)}** positions, pair 15 every **${Math.round(2 * Math.PI * 10000 ** (30 / 32)).toLocaleString('en-US')}**`,
		);
		let neighbourDot = 0;
		for (let i = 0; i < 16; i++) neighbourDot += Math.cos(1 / 10000 ** ((2 * i) / 32));
		expect(text).toContain(`neighbours score **${f(neighbourDot)}** (cosine **${f(neighbourDot / 16)}**)`);
		expect(text).toContain('√(d/2) = **4.00**');
	});

	it('GIVEN the model’s learnt table THEN the stated lengths and neighbour cosines are those of weights.bin’s wpe rows', async () => {
		const reply = await runForReply(positions, { length: 128 });
		const norms = Array.from({ length: 128 }, (_, p) => len(row(p)));
		const min = norms.indexOf(Math.min(...norms));
		const max = norms.indexOf(Math.max(...norms));
		const learnt = reply.embeds![1]!.description!;
		expect(learnt).toContain(
			`lengths from **${f(norms[min]!)}** (position ${min}) to **${f(norms[max]!)}** (position ${max})`,
		);
		const neighbours = Array.from({ length: 127 }, (_, p) => cos(row(p + 1), row(p)));
		expect(learnt).toContain(`Neighbours have mean cosine **${f(neighbours.reduce((a, b) => a + b, 0) / 127)}**`);
		expect(reply.embeds![2]!.description).toContain(
			`from **${f(Math.min(...neighbours))}** to **${f(Math.max(...neighbours))}** (learnt)`,
		);
		// The default sinusoidal width is the model's own.
		expect(reply.embeds![0]!.title).toBe(`Positions: sinusoidal (d = ${config.dModel}) and our model's learnt table`);
	});

	it('GIVEN more positions than the model has THEN the reply says where the learnt table ends', async () => {
		const reply = await runForReply(positions, { length: 200, dims: 8 });
		expect(reply.embeds![1]!.description).toContain(`The table ends at position ${config.contextLength - 1}`);
		expect(reply.embeds![0]!.description).toMatch(/\*\*more\*\* alike than the average neighbours/);
	});

	it('GIVEN odd dims or out-of-range options THEN a clear message, not a chart', async () => {
		await expect(runForReply(positions, { dims: 7 })).rejects.toThrow(
			'`dims` must be even: each frequency uses two dimensions, a sine and a cosine (try 6 or 8).',
		);
		await expect(runForReply(positions, { length: 513 })).rejects.toThrow('`length` must be at most 512.');
		await expect(runForReply(positions, { length: 1 })).rejects.toThrow('`length` must be at least 2.');
	});

	it('GIVEN a run THEN its "Run again with…" button carries the options in its id', async () => {
		const reply = await runForReply(positions, { length: 16, dims: 4 });
		const button = reply.components![0]!.components[0]!;
		expect(button).toMatchObject({ label: 'Run again with…', custom_id: expect.stringMatching(/^present:rr:i:/) });
	});
});
