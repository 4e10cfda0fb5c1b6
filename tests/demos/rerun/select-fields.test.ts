import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { choiceValue } from '../../../src/demos/rerun/select-fields.js';

// The select menus themselves are tested through the whole form, in form.test.ts.
describe('the "Run again with…" form’s choices', () => {
	it('GIVEN a choice typed as its value or its name in any case THEN it is the choice’s value; anything else is left for the command to refuse', () => {
		const encoding = {
			type: T.String,
			name: 'encoding',
			description: 'e',
			choices: [
				{ name: 'GPT-4o (o200k_base)', value: 'gpt-4o' },
				{ name: 'GPT-4 (cl100k_base)', value: 'gpt-4' },
				{ name: 'Compare all three', value: 'compare' },
			],
		} as const;
		expect(['GPT-4', 'gpt-4', ' Gpt-4 ', 'GPT-4 (cl100k_base)'].map((t) => choiceValue(encoding, t))).toEqual([
			'gpt-4',
			'gpt-4',
			'gpt-4',
			'gpt-4',
		]);
		expect(choiceValue(encoding, 'compare all three')).toBe('compare');
		expect(choiceValue(encoding, 'gpt-5')).toBe('gpt-5');
	});
});
