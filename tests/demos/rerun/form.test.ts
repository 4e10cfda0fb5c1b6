import {
	ApplicationCommandOptionType as T,
	ComponentType,
	TextInputStyle,
	type APITextInputComponent,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandData } from '../../../src/core/options.js';
import {
	applyForm,
	editableOptions,
	FORM_LIMITS,
	moreOptions,
	rerunForm,
	typedRequest,
	valueHint,
} from '../../../src/demos/rerun/form.js';
import { changeLine } from '../../../src/demos/rerun/summary.js';
import { argsFor } from '../../../src/core/args.js';
import type { CommandText } from '../../../src/i18n/command-localizations.js';
import { withLanguage } from '../../../src/i18n/index.js';
import { koCommands } from '../../../src/i18n/ko/commands.js';
import { commands } from '../../../commands/index.js';

/** A command shaped like /sample: one required text and seven optional numbers. */
const sample: CommandData = {
	name: 'sample',
	description: 'Sample',
	options: [
		{ type: T.String, name: 'prompt', description: 'The prompt', required: true, max_length: 500 },
		{ type: T.Number, name: 'temperature', description: 'Temperature (default 1)', min_value: 0, max_value: 2 },
		{ type: T.Integer, name: 'top_k', description: 'Keep the k most likely tokens', min_value: 0 },
		{ type: T.Number, name: 'top_p', description: 'Nucleus', min_value: 0, max_value: 1 },
		{ type: T.Number, name: 'min_p', description: 'Min-p', min_value: 0, max_value: 1 },
		{ type: T.Integer, name: 'seed', description: 'Seed' },
		{ type: T.Integer, name: 'tokens', description: 'How many tokens', min_value: 1, max_value: 200 },
		{ type: T.Integer, name: 'samples', description: 'How many samples', min_value: 1, max_value: 5 },
	],
};

const inputs = (form: ReturnType<typeof rerunForm>): APITextInputComponent[] =>
	form.components.map((row) =>
		row.type === ComponentType.ActionRow ? (row.components[0] as APITextInputComponent) : (undefined as never),
	);

describe('the "Run again with…" form', () => {
	it('GIVEN eight options THEN four get inputs of their own (the required one, those the run set, then the first others, in the command’s order) and the other four share one', () => {
		const request = { command: 'sample', options: { prompt: 'To be', tokens: 40, seed: 42 } };
		expect(editableOptions(sample, request).map((o) => o.name)).toEqual(['prompt', 'temperature', 'seed', 'tokens']);
		expect(moreOptions(sample, request).map((o) => o.name)).toEqual(['top_k', 'top_p', 'min_p', 'samples']);
		const all = {
			command: 'sample',
			options: { prompt: 'x', temperature: 1, top_k: 5, top_p: 0.9, min_p: 0.1, seed: 1, tokens: 5, samples: 2 },
		};
		expect(editableOptions(sample, all)).toHaveLength(FORM_LIMITS.inputs - 1);
		expect(inputs(rerunForm(sample, all, 'id'))).toHaveLength(FORM_LIMITS.inputs);
	});

	it('GIVEN the command prefers some options THEN they come right after the required one, in its order of preference', () => {
		const request = {
			command: 'sample',
			options: { prompt: 'To be', tokens: 40, seed: 42, top_p: 0.9 },
			prefer: ['samples', 'temperature'],
		};
		// prompt (required), samples and temperature (preferred), then the first set one in the command's order: top_p.
		expect(editableOptions(sample, request).map((o) => o.name)).toEqual(['prompt', 'temperature', 'top_p', 'samples']);
	});

	it('GIVEN a run THEN the form is filled with its values, labels say the allowed values, and every limit holds', () => {
		const form = rerunForm(
			sample,
			{ command: 'sample', options: { prompt: 'To be', temperature: 0.8 } },
			'present:rm:i:x',
		);
		expect(form.title).toBe('Run /sample again');
		const fields = inputs(form);
		expect(fields.map((f) => [f.custom_id, f.label, f.value ?? null, f.required])).toEqual([
			['prompt', 'prompt', 'To be', true],
			['temperature', 'temperature (0–2)', '0.8', false],
			['top_k', 'top_k (≥ 0)', null, false],
			['top_p', 'top_p (0–1)', null, false],
			['more_options', 'Other options (one name: value a line)', 'min_p:\nseed:\ntokens:\nsamples:', false],
		]);
		expect(fields[0]!.style).toBe(TextInputStyle.Paragraph);
		expect(fields[1]!.style).toBe(TextInputStyle.Short);
		for (const f of fields) {
			expect((f.label ?? '').length).toBeLessThanOrEqual(FORM_LIMITS.label);
			expect((f.placeholder ?? '').length).toBeLessThanOrEqual(FORM_LIMITS.placeholder);
			expect((f.value ?? '').length).toBeLessThanOrEqual(f.max_length ?? FORM_LIMITS.value);
		}
	});

	it('GIVEN choices THEN the option hint lists them (for the Other options input) and the form offers them as a select menu in a label, the value it ran with selected (typed by name or value)', () => {
		expect(
			valueHint({
				type: T.String,
				name: 'encoding',
				description: 'x',
				choices: [
					{ name: 'a', value: 'gpt2' },
					{ name: 'b', value: 'compare' },
				],
			}),
		).toBe('gpt2|compare');
		const data: CommandData = {
			name: 'x',
			description: 'x',
			options: [
				{
					type: T.String,
					name: 'mode',
					description: 'How to compare',
					choices: [
						{ name: 'GPT-4 (cl100k_base)', value: 'cl100k_base' },
						{ name: 'GPT-2', value: 'gpt2' },
					],
				},
				{
					type: T.Integer,
					name: 'level',
					description: 'Level',
					required: true,
					choices: [1, 2, 3].map((v) => ({ name: `Level ${v}`, value: v })),
				},
			],
		};
		const form = rerunForm(data, { command: 'x', options: { mode: 'GPT-4', level: 2 } }, 'id');
		expect(form.components).toEqual([
			{
				type: ComponentType.Label,
				label: 'mode',
				description: 'How to compare',
				component: {
					type: ComponentType.StringSelect,
					custom_id: 'mode',
					required: false,
					min_values: 0,
					max_values: 1,
					placeholder: 'The default',
					options: [
						{ label: 'GPT-4 (cl100k_base)', value: 'cl100k_base', default: true },
						{ label: 'GPT-2', value: 'gpt2' },
					],
				},
			},
			{
				type: ComponentType.Label,
				label: 'level',
				description: 'Level',
				component: {
					type: ComponentType.StringSelect,
					custom_id: 'level',
					required: true,
					min_values: 1,
					max_values: 1,
					placeholder: 'Choose one',
					options: [
						{ label: 'Level 1', value: '1' },
						{ label: 'Level 2', value: '2', default: true },
						{ label: 'Level 3', value: '3' },
					],
				},
			},
		]);
		// A select's submission is its value ('' for none): applied as a typed value would be, checked by argsFor.
		expect(applyForm(data, { command: 'x', options: { mode: 'gpt2', level: 2 } }, { mode: '', level: '3' })).toEqual({
			command: 'x',
			options: { level: '3' },
		});
	});

	it('GIVEN a value longer than a text input holds THEN that option is not in the form and keeps its value', () => {
		const data: CommandData = {
			name: 'tokenize',
			description: 'x',
			options: [
				{ type: T.String, name: 'text', description: 't', required: true },
				{
					type: T.String,
					name: 'show',
					description: 's',
					choices: [
						{ name: 'ids', value: 'ids' },
						{ name: 'bytes', value: 'bytes' },
					],
				},
			],
		};
		const request = { command: 'tokenize', options: { text: '🙂'.repeat(3000), show: 'ids' } };
		expect(editableOptions(data, request).map((o) => o.name)).toEqual(['show']);
		const applied = applyForm(data, request, { show: ' bytes ', text: 'ignored' }).options;
		expect(applied.show).toBe('bytes');
		expect(applied.text === request.options.text).toBe(true);
	});

	it('GIVEN edited fields THEN emptied options fall back to defaults, free text keeps its spaces, numbers are trimmed, strangers are ignored, and argsFor converts', () => {
		const request = {
			command: 'sample',
			options: { prompt: 'To be', temperature: 0.8, top_k: 5, top_p: 0.9, seed: 42, samples: 3 },
		};
		const applied = applyForm(sample, request, {
			prompt: '  To be, or not ',
			temperature: ' 1.5 ',
			top_k: '5',
			top_p: '0.9',
			seed: '',
			samples: '5',
			evil: 'x',
		});
		// samples and seed share "Other options"; without that field they keep their values.
		expect(applied.options).toEqual({
			prompt: '  To be, or not ',
			temperature: '1.5',
			top_k: '5',
			top_p: '0.9',
			seed: 42,
			samples: 3,
		});
		expect(argsFor(sample, { options: applied.options })).toEqual({
			prompt: '  To be, or not ',
			temperature: 1.5,
			top_k: 5,
			top_p: 0.9,
			seed: 42,
			samples: 3,
		});
		expect(() => argsFor(sample, { options: { ...applied.options, temperature: 'hot' } })).toThrow(
			'`temperature` must be a number.',
		);
	});

	it('GIVEN a re-run THEN its first line says who changed what, without markdown from the name or values', () => {
		const before = { command: 'sample', options: { prompt: 'To be', temperature: 0.8, seed: 42 } };
		expect(changeLine('Ada *the* presenter', before, { prompt: 'To be', temperature: '1.5', top_k: '5' })).toBe(
			'🔁 **Ada \\*the\\* presenter** ran `/sample` again: `temperature` `0.8` → `1.5`, `seed` back to its default, `top_k` set to `5`',
		);
		expect(changeLine('Ada', before, { ...before.options })).toBe(
			'🔁 **Ada** ran `/sample` again with the same options',
		);
		expect(changeLine('Ada', { command: 'x', options: { text: 'a'.repeat(50) } }, { text: 'b`c'.repeat(20) })).toBe(
			'🔁 **Ada** ran `/x` again: `text` changed (60 characters)',
		);
	});

	it('GIVEN "Other options" lines THEN each sets its option, an empty value brings back the default, and a stranger is refused naming the options', () => {
		const request = { command: 'sample', options: { prompt: 'To be' } };
		expect(moreOptions(sample, request).map((o) => o.name)).toEqual(['min_p', 'seed', 'tokens', 'samples']);
		const withSamples = {
			command: 'sample',
			options: { prompt: 'To be', samples: 2 },
			prefer: ['temperature', 'top_k', 'top_p'],
		};
		const fields = { prompt: 'To be', more_options: 'min_p: 0.05\nTOKENS = 8\n\nsamples:' };
		expect(applyForm(sample, withSamples, fields).options).toEqual({ prompt: 'To be', min_p: '0.05', tokens: '8' });
		expect(() => applyForm(sample, request, { more_options: 'heat: 3' })).toThrow(
			'“heat: 3” is not one of the other options of /sample: write one `name: value` a line, with a name among `min_p`, `seed`, `tokens`, `samples`.',
		);
		// What was typed survives a refusal: the form reopens with it.
		expect(
			typedRequest(sample, request, { temperature: 'hot', more_options: 'tokens: lots\nsamples: 2\nheat: 3' }).options,
		).toEqual({ prompt: 'To be', temperature: 'hot', tokens: 'lots', samples: '2' });
	});

	it('GIVEN a boolean option THEN the form offers yes and no as a select menu in a label, the value it ran with (or typed) selected, and its choice reaches argsFor as a boolean', () => {
		const data: CommandData = {
			name: 'x',
			description: 'x',
			options: [
				{ type: T.String, name: 'text', description: 'Text' },
				{ type: T.Boolean, name: 'share', description: 'Show it to everyone' },
				{ type: T.Boolean, name: 'strict', description: 'Strict mode', required: true },
			],
		};
		const form = rerunForm(data, { command: 'x', options: { text: 'hi', share: true, strict: 'False ' } }, 'id');
		expect(form.components.slice(1)).toEqual([
			{
				type: ComponentType.Label,
				label: 'share',
				description: 'Show it to everyone',
				component: {
					type: ComponentType.StringSelect,
					custom_id: 'share',
					required: false,
					min_values: 0,
					max_values: 1,
					placeholder: 'The default',
					options: [
						{ label: 'Yes', value: 'true', default: true },
						{ label: 'No', value: 'false' },
					],
				},
			},
			{
				type: ComponentType.Label,
				label: 'strict',
				description: 'Strict mode',
				component: {
					type: ComponentType.StringSelect,
					custom_id: 'strict',
					required: true,
					min_values: 1,
					max_values: 1,
					placeholder: 'Choose one',
					options: [
						{ label: 'Yes', value: 'true' },
						{ label: 'No', value: 'false', default: true },
					],
				},
			},
		]);
		// Not run with a value: nothing selected (the default).
		const unset = rerunForm(data, { command: 'x', options: { strict: false } }, 'id').components[1]!;
		expect(unset.type === ComponentType.Label && unset.component).toMatchObject({
			options: [
				{ label: 'Yes', value: 'true' },
				{ label: 'No', value: 'false' },
			],
		});
		const applied = applyForm(
			data,
			{ command: 'x', options: { share: true, strict: false } },
			{ share: '', strict: 'true' },
		);
		expect(applied.options).toEqual({ strict: 'true' });
		expect(argsFor(data, { options: applied.options })).toEqual({ strict: true });
	});

	describe('for a Korean member', () => {
		// A command of this test's own, with Korean texts as src/i18n/ko/commands.ts registers them for real commands.
		const korean: CommandText = {
			name: '엑스',
			description: '시험용 명령',
			options: {
				mode: { name: '방식', description: '비교 방식', choices: { gpt2: 'GPT-2 토크나이저' } },
				share: { name: '공유', description: '모두에게 보여 주기' },
				seed: { name: '시드', description: '난수 시드' },
			},
		};
		const table = koCommands as Record<string, CommandText>;
		beforeAll(() => {
			table['x-test'] = korean;
		});
		afterAll(() => {
			delete table['x-test'];
		});
		const data: CommandData = {
			name: 'x-test',
			description: 'x',
			options: [
				{
					type: T.String,
					name: 'mode',
					description: 'How to compare',
					choices: [
						{ name: 'GPT-2', value: 'gpt2' },
						{ name: 'GPT-4 (cl100k_base)', value: 'gpt-4' },
					],
				},
				{ type: T.Boolean, name: 'share', description: 'Show it to everyone' },
				{ type: T.String, name: 'text', description: 'The text' },
				{ type: T.Integer, name: 'seed', description: 'Seed' },
				{ type: T.Number, name: 'temperature', description: 'Temperature', min_value: 0, max_value: 2 },
				{ type: T.Integer, name: 'tokens', description: 'Tokens' },
			],
		};
		const request = { command: 'x-test', options: { mode: 'gpt2', share: false, seed: 7 } };

		it('GIVEN the form THEN its title, menus and placeholders are Korean, options read with their Korean names, descriptions and choices (English where none is registered), yes and no in Korean', () => {
			const form = withLanguage('ko', () => rerunForm(data, request, 'id'));
			expect(form.title).toBe('/x-test 다시 실행');
			const [mode, share, text, seed, more] = form.components as never as Record<string, never[]>[];
			expect(mode).toMatchObject({ label: '방식', description: '비교 방식' });
			expect(mode!.component).toMatchObject({
				placeholder: '기본값',
				options: [
					{ label: 'GPT-2 토크나이저', value: 'gpt2', default: true },
					{ label: 'GPT-4 (cl100k_base)', value: 'gpt-4' },
				],
			});
			expect(share).toMatchObject({ label: '공유', description: '모두에게 보여 주기' });
			expect(share!.component).toMatchObject({
				options: [
					{ label: '예', value: 'true' },
					{ label: '아니요', value: 'false', default: true },
				],
			});
			// No Korean registered for `text`: its English name and description.
			expect(text!.components![0]).toMatchObject({ custom_id: 'text', label: 'text', placeholder: 'The text' });
			expect(seed!.components![0]).toMatchObject({
				custom_id: 'seed',
				label: '시드 (정수)',
				placeholder: '난수 시드',
				value: '7',
			});
			expect(more!.components![0]).toMatchObject({
				custom_id: 'more_options',
				label: '기타 옵션 (한 줄에 하나씩, 이름: 값)',
				placeholder: 'temperature 0–2, tokens 정수',
				value: 'temperature:\ntokens:',
			});
		});

		it('GIVEN "Other options" lines with the Korean or the English name THEN each sets its option; a stranger is refused in Korean', () => {
			const seven = { ...data, options: [...data.options!, { type: T.Integer, name: 'top_k', description: 'k' }] };
			const koreanMore = {
				...korean,
				options: { ...korean.options, tokens: { name: '토큰수', description: '토큰 수' } },
			};
			table['x-test'] = koreanMore;
			const form = withLanguage('ko', () => rerunForm(seven, request, 'id'));
			const more = form.components.at(-1)!;
			expect(more.type === ComponentType.ActionRow && more.components[0]!.value).toBe('temperature:\n토큰수:\ntop_k:');
			expect(
				withLanguage('ko', () => applyForm(seven, request, { more_options: '토큰수: 12\nTOP_K = 3' }).options),
			).toEqual({ mode: 'gpt2', share: false, seed: 7, tokens: '12', top_k: '3' });
			expect(() => withLanguage('ko', () => applyForm(seven, request, { more_options: '온도: 3' }))).toThrow(
				'“온도: 3” 줄은 /x-test의 기타 옵션이 아닙니다. 한 줄에 `이름: 값`을 하나씩 쓰고, 이름은 `temperature`, `토큰수`, `top_k` 중에서 고르세요.',
			);
			expect(withLanguage('ko', () => typedRequest(seven, request, { more_options: '토큰수: 많이' })).options).toEqual({
				...request.options,
				tokens: '많이',
			});
			table['x-test'] = korean;
		});

		it('GIVEN a real command THEN its form shows the Korean texts src/i18n/ko/commands.ts registers, English where none is', () => {
			const sample = commands.find((c) => c.data.name === 'sample')!.data;
			const texts = koCommands.sample?.options ?? {};
			const form = withLanguage('ko', () =>
				rerunForm(sample, { command: 'sample', options: { prompt: 'To be' } }, 'id'),
			);
			const prompt = form.components[0]!;
			expect(prompt.type === ComponentType.ActionRow && prompt.components[0]).toMatchObject({
				custom_id: 'prompt',
				label: texts.prompt?.name ?? 'prompt',
				placeholder: (texts.prompt?.description ?? sample.options!.find((o) => o.name === 'prompt')!.description).slice(
					0,
					100,
				),
			});
		});
	});
});
