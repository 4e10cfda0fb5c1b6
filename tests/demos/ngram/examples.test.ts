import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ngram from '../../../commands/ngram.js';
import { repoRoot } from '../../../src/paths.js';
import { pngSize } from '../../../src/charts/index.js';
import { runForReply } from '../../helpers/run-command.js';

// The docs' /ngram chart, drawn by the command itself. Only when asked (and again whenever the weights change):
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/ngram/examples.test.ts`.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

describe.runIf(write)('docs /ngram example', () => {
	it('GIVEN /ngram prompt:To be, or not to THEN docs/ngram.png is its chart', async () => {
		const reply = await runForReply(ngram, { prompt: 'To be, or not to' });
		const png = reply.files![0]!.data;
		expect(pngSize(png)).not.toBeNull();
		writeFileSync(path.join(repoRoot(), 'docs', 'ngram.png'), png);
	}, 60_000);
});
