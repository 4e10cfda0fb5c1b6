import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import attention from '../../commands/attention.js';
import sample from '../../commands/sample.js';
import type { OptionData } from '../../src/core/options.js';
import { DEMO_COMMANDS, type DemoOptionSpec } from '../../src/curriculum/index.js';
import { testCurriculum } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

/** What the curriculum's demo table should say about an option of the real definition. */
function specOf(option: OptionData): DemoOptionSpec {
	if (option.choices) return { type: 'choice', values: option.choices.map((c) => String(c.value)) };
	if (option.type === T.String) return { type: 'string' };
	const range = {
		...(option.min_value === undefined ? {} : { min: option.min_value }),
		...(option.max_value === undefined ? {} : { max: option.max_value }),
	};
	return { type: option.type === T.Integer ? 'integer' : 'number', ...range };
}

describe.each([
	['attention', attention],
	['sample', sample],
] as const)('/%s and the curriculum', (name, command) => {
	it('GIVEN the demo table THEN it lists exactly the real options, types, ranges and choices', () => {
		const table = DEMO_COMMANDS[name];
		const options: readonly OptionData[] = command.data.options ?? [];
		expect(Object.keys(table.options).sort()).toEqual(options.map((o) => o.name).sort());
		for (const option of options)
			expect(table.options[option.name as keyof typeof table.options], option.name).toEqual(specOf(option));
		expect([...table.required]).toEqual(options.filter((o) => o.required).map((o) => o.name));
	});

	it('GIVEN every week’s demo of it THEN each runs and replies with its chart', async () => {
		const curriculum = await testCurriculum();
		const demos = curriculum.weeks.flatMap((w) =>
			w.demos.filter((d) => d.command === name).map((d) => ({ week: w.number, options: d.options })),
		);
		expect(demos.length).toBeGreaterThan(0);
		for (const demo of demos) {
			const reply = await runForReply(command, demo.options);
			expect(reply.files?.[0]?.name, `week ${demo.week}`).toMatch(/\.png$/);
		}
	}, 120_000);
});
