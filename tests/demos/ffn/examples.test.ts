import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ffn from '../../../commands/ffn.js';
import { pngSize } from '../../../src/charts/index.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';
import { runForReply } from '../../helpers/run-command.js';

// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/ffn/examples.test.ts` writes the charts of /ffn into docs/.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

describe.runIf(write)('/ffn example charts', () => {
	it('GIVEN a sentence with a repeated word THEN docs/ffn-units.png and docs/ffn-repeat.png are its charts', async () => {
		const reply = await runForReply(ffn, { text: 'The king said to the queen that the king was tired', layer: 2 });
		expect(reply.files!.map((f) => f.name)).toEqual(['ffn-units.png', 'ffn-repeat.png']);
		for (const file of reply.files!) {
			expect(pngSize(file.data)).not.toBeNull();
			writeFileSync(path.join(repoRoot(), 'docs', file.name), file.data);
		}
	}, 60_000);
});
