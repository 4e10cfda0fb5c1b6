import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { OptionData } from '../../src/core/options.js';
import { DEMO_COMMANDS, type DemoCommandSpec } from '../../src/curriculum/commands.js';

/**
 * The curriculum validates a week's demos against DEMO_COMMANDS without loading the commands themselves. This keeps
 * that table honest: every command, option, type, choice and range it allows must be one the real command accepts.
 */
describe('the demo table against the real command definitions', () => {
	const byName = new Map(commands.map((c) => [c.data.name, c.data]));

	it.each(Object.entries(DEMO_COMMANDS) as [string, DemoCommandSpec][])(
		'GIVEN /%s in the table THEN the real command accepts everything the table allows',
		(name, spec) => {
			const data = byName.get(name);
			expect(data, `/${name} is not registered`).toBeDefined();
			const top: readonly OptionData[] = data!.options ?? [];
			const groups = spec.subcommands
				? spec.subcommands.map((sub) => {
						const found = top.find((o) => o.type === T.Subcommand && o.name === sub);
						expect(found, `/${name} ${sub} is not a subcommand`).toBeDefined();
						return found!.options ?? [];
					})
				: [top];
			for (const options of groups) {
				for (const [option, rule] of Object.entries(spec.options)) {
					const real = options.find((o) => o.name === option);
					expect(real, `/${name} has no option ${option}`).toBeDefined();
					switch (rule.type) {
						case 'string':
							expect(real!.type).toBe(T.String);
							break;
						case 'choice':
							expect(real!.type).toBe(T.String);
							expect(
								rule.values.every((v) => real!.choices?.some((c) => c.value === v)),
								`/${name} ${option}: ${rule.values.join(', ')}`,
							).toBe(true);
							break;
						case 'integer':
						case 'number': {
							expect(real!.type).toBe(rule.type === 'integer' ? T.Integer : T.Number);
							if (real!.min_value !== undefined) expect(rule.min ?? -Infinity).toBeGreaterThanOrEqual(real!.min_value);
							if (real!.max_value !== undefined) expect(rule.max ?? Infinity).toBeLessThanOrEqual(real!.max_value);
							break;
						}
					}
				}
				const required = options
					.filter((o) => o.required)
					.map((o) => o.name)
					.sort();
				expect([...spec.required].sort(), `/${name}: required options`).toEqual(required);
			}
		},
	);
});
