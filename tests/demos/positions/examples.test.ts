import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import positions from '../../../commands/positions.js';
import { pngSize } from '../../../src/charts/index.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';
import { runForReply } from '../../helpers/run-command.js';

// The docs' example charts, drawn by the command itself. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/positions/examples.test.ts` writes them into docs/.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

const examples = [
	// The model's own width and context: like compared with like.
	[
		{ length: 128 },
		{
			'positions-sinusoidal.png': 'positions-sinusoidal.png',
			'positions-learnt.png': 'positions-learnt.png',
			'positions-distance.png': 'positions-distance.png',
		},
	],
	// Week 10's second demo: few dimensions, far positions that look alike.
	[{ length: 200, dims: 8 }, { 'positions-sinusoidal.png': 'positions-sinusoidal-200x8.png' }],
] as const;

describe.runIf(write)('/positions example charts', () => {
	it.each(examples)(
		'GIVEN /positions %o THEN docs/ holds its charts',
		async (options, files) => {
			const reply = await runForReply(positions, options);
			for (const [name, target] of Object.entries(files)) {
				const png = reply.files!.find((f) => f.name === name)!.data;
				expect(pngSize(png)).not.toBeNull();
				writeFileSync(path.join(repoRoot(), 'docs', target), png);
			}
		},
		60_000,
	);
});
