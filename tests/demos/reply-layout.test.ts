import { describe, expect, it } from 'vitest';
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
		},
		120_000,
	);
});
