import { describe, expect, it } from 'vitest';
import { fitReply, LIMITS, truncate } from '../../src/core/limits.js';

describe('truncate', () => {
	it('GIVEN short text THEN it is unchanged', () => {
		expect(truncate('hello', 10)).toBe('hello');
	});
	it('GIVEN a cut that would split an emoji THEN the surrogate pair is not split', () => {
		const out = truncate(`${'a'.repeat(8)}🙂🙂🙂`, 10);
		expect(out.length).toBeLessThanOrEqual(10);
		expect(out).toBe(`${'a'.repeat(8)}…`);
	});
	it('GIVEN a cut inside a code block THEN the block is closed within the limit', () => {
		const text = `Intro\n\`\`\`ts\n${'const x = 1;\n'.repeat(400)}\`\`\``;
		const out = truncate(text, LIMITS.content);
		expect(out.length).toBeLessThanOrEqual(LIMITS.content);
		expect((out.match(/```/g) ?? []).length % 2).toBe(0);
	});
});

describe('fitReply', () => {
	it('GIVEN embeds over the 6000-character total THEN they are shortened to fit, each field within its limit', () => {
		const embeds = Array.from({ length: 3 }, (_, i) => ({
			title: `t${i}`.repeat(200),
			description: 'd'.repeat(4000),
			fields: Array.from({ length: 30 }, () => ({ name: 'n', value: 'v'.repeat(2000) })),
		}));
		const fitted = fitReply({ embeds }).embeds!;
		const total = fitted.reduce(
			(sum, e) =>
				sum +
				(e.title?.length ?? 0) +
				(e.description?.length ?? 0) +
				(e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
			0,
		);
		expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
		for (const e of fitted) {
			expect(e.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
			expect(e.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
			for (const f of e.fields!) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
		}
	});
	it('GIVEN 12 files and 7 rows THEN 10 files and 5 rows are kept', () => {
		const fitted = fitReply({
			files: Array.from({ length: 12 }, (_, i) => ({ name: `${i}.png`, data: Buffer.alloc(1) })),
			components: Array.from({ length: 7 }, () => ({ type: 1, components: [] })),
		});
		expect(fitted.files).toHaveLength(10);
		expect(fitted.components).toHaveLength(5);
	});
});
