import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/llm/split.js';

/** Each content line with whether it renders inside a code block (fence lines themselves left out). */
function parse(text: string): { lines: { line: string; code: boolean }[]; closed: boolean } {
	const lines: { line: string; code: boolean }[] = [];
	let open: string | null = null;
	for (const line of text.split('\n')) {
		const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
		if (open === null && m) open = m[1]!;
		else if (open !== null && m && m[1]![0] === open[0] && m[1]!.length >= open.length && m[2]!.trim() === '')
			open = null;
		else lines.push({ line, code: open !== null });
	}
	return { lines, closed: open === null };
}

const rendered = (text: string) => parse(text).lines;

describe('splitMessage', () => {
	it('GIVEN text within the limit THEN it is one message, unchanged; GIVEN a code block the model left open THEN it is closed', () => {
		expect(splitMessage('short\n```js\nx\n```', 2000)).toEqual(['short\n```js\nx\n```']);
		expect(splitMessage('short\n```js\nx', 2000)).toEqual(['short\n```js\nx\n```']);
	});

	it('GIVEN a code block cut by the limit THEN the block is closed in one message and reopened with its language in the next', () => {
		const code = Array.from({ length: 30 }, (_, i) => `const line${i} = ${i};`).join('\n');
		const text = `Intro paragraph.\n\n\`\`\`ts\n${code}\n\`\`\`\nAfter the code.`;
		const parts = splitMessage(text, 200);
		expect(parts.length).toBeGreaterThan(2);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(200);
			expect(parse(part).closed).toBe(true);
		}
		expect(parts[0]!.endsWith('\n```')).toBe(true);
		expect(parts[1]!.startsWith('```ts\n')).toBe(true);
		expect(parts.flatMap(rendered)).toEqual(rendered(text));
	});

	it('GIVEN a line longer than a message THEN it is cut at spaces and nothing is lost', () => {
		const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
		const parts = splitMessage(long, 120);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(120);
		expect(parts.join('')).toBe(long);
	});

	it('GIVEN an emoji at a hard cut THEN no surrogate pair is broken', () => {
		const parts = splitMessage('😀'.repeat(300), 101);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(101);
		expect(parts.join('')).toBe('😀'.repeat(300));
		for (const part of parts) expect(() => encodeURIComponent(part)).not.toThrow();
	});

	it('GIVEN any markdown of short lines and fences THEN every message fits, balances its fences, and together they render the same lines', () => {
		const line = fc.oneof(
			{ weight: 6, arbitrary: fc.string({ maxLength: 60 }).map((s) => s.replace(/[\n`~]/g, 'x')) },
			{ weight: 1, arbitrary: fc.constantFrom('```', '```python', '~~~', '````md', '  ```') },
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 120 }), fc.integer({ min: 80, max: 400 }), (lines, max) => {
				const text = lines.join('\n');
				const parts = splitMessage(text, max);
				for (const part of parts) {
					expect(part.length).toBeLessThanOrEqual(max);
					expect(parse(part).closed).toBe(true);
				}
				expect(parts.flatMap(rendered)).toEqual(rendered(text));
			}),
			{ numRuns: 400 },
		);
	});
});
