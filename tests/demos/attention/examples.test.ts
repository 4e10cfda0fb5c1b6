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

// The curriculum's own demos (weeks 6–8).
const examples = [
	['attention-head.png', { text: 'The old prince said to Natasha that she was late', layer: 1, head: 1 }],
	['attention-heads.png', { text: 'The old prince said to Natasha that she was late again', layer: 1, view: 'heads' }],
	['attention-steps.png', { text: 'To be, or not to be, that is the question', layer: 1, head: 1, view: 'steps' }],
] as const;

describe.runIf(write)('README /attention examples', () => {
	it.each(examples)(
		'GIVEN the command THEN docs/%s is its chart',
		async (file, options) => {
			const reply = await runForReply(attention, options);
			const png = reply.files![0]!.data;
			expect(pngSize(png)).not.toBeNull();
			writeFileSync(path.join(repoRoot(), 'docs', file), png);
		},
		60_000,
	);
});
