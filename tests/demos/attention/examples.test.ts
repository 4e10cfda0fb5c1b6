import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import attention from '../../../commands/attention.js';
import { repoRoot } from '../../../src/paths.js';
import { pngSize } from '../../../src/charts/index.js';
import { runForReply } from '../../helpers/run-command.js';

// The README's /attention charts, drawn by the command itself from the shipped weights. Only when asked (and again
// whenever the weights change): `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/attention/examples.test.ts`.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

// The curriculum's own demos (weeks 6–8), with the charts each reply carries (the steps view has three).
const examples = [
	[['attention-head.png'], { text: 'The old prince said to Natasha that she was late', layer: 1, head: 1 }],
	[
		['attention-heads.png'],
		{ text: 'The old prince said to Natasha that she was late again', layer: 1, view: 'heads' },
	],
	[
		['attention-steps-scores.png', 'attention-steps-softmax.png', 'attention-steps-output.png'],
		{ text: 'To be, or not to be, that is the question', layer: 1, head: 1, view: 'steps' },
	],
] as const;

describe.runIf(write)('README /attention examples', () => {
	it.each(examples)(
		'GIVEN the command THEN docs/%s are its charts',
		async (files, options) => {
			const reply = await runForReply(attention, options);
			const pngs = reply.files!.filter((f) => f.name.endsWith('.png'));
			expect(pngs.map((f) => f.name)).toEqual(files);
			for (const png of pngs) {
				expect(pngSize(png.data)).not.toBeNull();
				writeFileSync(path.join(repoRoot(), 'docs', png.name), png.data);
			}
		},
		60_000,
	);
});
