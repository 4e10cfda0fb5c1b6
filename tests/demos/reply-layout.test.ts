import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/index.js';
import { runForReply } from '../helpers/run-command.js';
import { codeBlockLines, DEMO_INVOCATIONS, replyTexts } from '../helpers/demo-replies.js';

/** What fits a phone's code block without wrapping (390 px, Discord's monospace). */
const PHONE_CODE_LINE = 40;
const graphemeCount = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].length;

describe('every demo reply on a phone', () => {
	it.each(DEMO_INVOCATIONS)(
		'GIVEN $name THEN no code-block line is longer than 40 characters and no source path is shown',
		async ({ command, options }) => {
			const reply = await runForReply(command, options);
			const long = codeBlockLines(reply).filter((l) => graphemeCount(l) > PHONE_CODE_LINE);
			expect(long).toEqual([]);
			for (const text of replyTexts(reply)) expect(text).not.toMatch(/\bsrc\/|\.ts\b/);
			// docs/display-standard.md: at most 1620 wide, 1200 high, and never taller than wide.
			for (const file of (reply.files ?? []).filter((f) => f.name.endsWith('.png'))) {
				const size = pngSize(file.data)!;
				expect(size.width, file.name).toBeLessThanOrEqual(1620);
				expect(size.height, file.name).toBeLessThanOrEqual(1200);
				expect(size.height / size.width, file.name).toBeLessThanOrEqual(1);
			}
		},
		120_000,
	);
});
