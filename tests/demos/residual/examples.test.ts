import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import residual from '../../../commands/residual.js';
import { pngSize } from '../../../src/charts/index.js';
import { repoRoot } from '../../../src/models/transformer/paths.js';
import { runForReply } from '../../helpers/run-command.js';

// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/residual/examples.test.ts` writes the charts of /residual into docs/.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

describe.runIf(write)('/residual example charts', () => {
	it('GIVEN week 11’s sentence THEN docs/residual-norms.png and docs/residual-lens.png are its charts', async () => {
		const reply = await runForReply(residual, { text: 'To be, or not to be, that is the question' });
		expect(reply.files!.map((f) => f.name)).toEqual(['residual-norms.png', 'residual-lens.png']);
		for (const file of reply.files!) {
			expect(pngSize(file.data)).not.toBeNull();
			writeFileSync(path.join(repoRoot(), 'docs', file.name), file.data);
		}
	}, 60_000);
});
