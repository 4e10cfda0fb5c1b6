import { FAMILIES } from '../models/tokenizers/families.js';

/**
 * The bot's slash commands as the curriculum may name them in a week's demos. A demo that names a command or an
 * option not listed here fails validation, so a typo in a data file is caught at start-up rather than when a
 * presenter clicks "try it". Keep this table in step with `commands/` when a command gains or renames an option.
 */
export type DemoOptionSpec =
	| { type: 'string' }
	| { type: 'integer'; min?: number; max?: number }
	| { type: 'number'; min?: number; max?: number }
	| { type: 'choice'; values: readonly string[] };

export interface DemoCommandSpec {
	/** Subcommands the demo may name (none: the command has none). */
	subcommands?: readonly string[];
	options: Readonly<Record<string, DemoOptionSpec>>;
	/** Options a demo must give for the command to run at all. */
	required: readonly string[];
}

const text = { type: 'string' } as const;
/** /attention and /ffn count layers from 1, as members do. */
const layer = { type: 'integer', min: 1 } as const;

export const DEMO_COMMANDS = {
	tokenize: {
		options: {
			text,
			encoding: {
				type: 'choice',
				values: [...FAMILIES, 'compare', 'all'],
			},
			families: text,
			show: { type: 'choice', values: ['ids', 'bytes', 'chat'] },
			system: text,
		},
		required: ['text'],
	},
	similarity: {
		options: {
			words: text,
			mode: { type: 'choice', values: ['pair', 'matrix', 'neighbors', 'map', 'analogy'] },
		},
		required: ['words'],
	},
	attention: {
		// Layers and heads are counted from 1, as /attention shows them; the model's size is checked when it runs.
		options: {
			text,
			layer: { type: 'integer', min: 1 },
			head: { type: 'integer', min: 1 },
			view: { type: 'choice', values: ['head', 'heads', 'steps'] },
		},
		required: ['text'],
	},
	ngram: { options: { prompt: text }, required: ['prompt'] },
	sample: {
		options: {
			prompt: text,
			temperature: { type: 'number', min: 0, max: 2 },
			top_k: { type: 'integer', min: 0 },
			top_p: { type: 'number', min: 0, max: 1 },
			min_p: { type: 'number', min: 0, max: 1 },
			seed: { type: 'integer', min: 0, max: 4294967295 },
			tokens: { type: 'integer', min: 1, max: 50 },
			samples: { type: 'integer', min: 1, max: 200 },
			strategy: { type: 'choice', values: ['sample', 'beam'] },
			width: { type: 'integer', min: 2, max: 8 },
			engine: { type: 'choice', values: ['local', 'openai'] },
		},
		required: ['prompt'],
	},
	positions: {
		options: { length: { type: 'integer', min: 2, max: 512 }, dims: { type: 'integer', min: 2, max: 512 } },
		required: [],
	},
	ffn: { options: { text, layer }, required: ['text'] },
	residual: { options: { text }, required: ['text'] },
	inject: { options: { level: { type: 'integer', min: 1, max: 5 } }, required: [] },
	ask: {
		options: {
			question: text,
			tier: { type: 'choice', values: ['core', 'implementation', 'theory'] },
			language: text,
			week: { type: 'integer', min: 1, max: 12 },
		},
		required: ['question'],
	},
	quiz: {
		subcommands: ['practice'],
		options: { week: { type: 'integer', min: 1, max: 12 } },
		required: [],
	},
} as const satisfies Record<string, DemoCommandSpec>;

export type DemoCommandName = keyof typeof DEMO_COMMANDS;

/**
 * Commands that need the AI tutor (an OpenAI-compatible model): without one, /help marks them and the weekly post
 * and the presenter's wrap-up do not suggest them.
 */
export const TUTOR_COMMANDS: ReadonlySet<string> = new Set(['ask', 'session', 'inject']);

export const DEMO_COMMAND_NAMES = Object.keys(DEMO_COMMANDS) as [DemoCommandName, ...DemoCommandName[]];

/**
 * Checks one demo's options against the command's table. Returns the problems as `[option path, reason]` pairs
 * (empty when the demo is valid), so the schema can report each at the option's own line.
 */
export function checkDemoOptions(
	command: DemoCommandName,
	subcommand: string | undefined,
	options: Readonly<Record<string, string | number>>,
): [string[], string][] {
	const spec: DemoCommandSpec = DEMO_COMMANDS[command];
	const problems: [string[], string][] = [];
	const subs = spec.subcommands ?? [];
	if (subcommand !== undefined && !subs.includes(subcommand)) {
		problems.push([
			['subcommand'],
			`/${command} has no subcommand "${subcommand}"${subs.length ? ` (known: ${subs.join(', ')})` : ''}`,
		]);
	}
	if (subcommand === undefined && subs.length > 0) {
		problems.push([['subcommand'], `/${command} needs a subcommand (${subs.join(', ')})`]);
	}
	for (const name of spec.required) {
		if (!(name in options)) problems.push([['options'], `/${command} needs option "${name}"`]);
	}
	for (const [name, value] of Object.entries(options)) {
		const option = spec.options[name];
		const at = ['options', name];
		if (!option) {
			problems.push([at, `/${command} has no option "${name}" (known: ${Object.keys(spec.options).join(', ')})`]);
			continue;
		}
		const reason = checkValue(option, value);
		if (reason) problems.push([at, reason]);
	}
	return problems;
}

function checkValue(option: DemoOptionSpec, value: string | number): string | undefined {
	switch (option.type) {
		case 'string':
			return typeof value === 'string' && value.trim() !== '' ? undefined : 'expected non-empty text';
		case 'choice':
			return typeof value === 'string' && option.values.includes(value)
				? undefined
				: `expected one of ${option.values.join(' | ')}, got ${String(value)}`;
		case 'integer':
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${String(value)}`;
			if (option.type === 'integer' && !Number.isInteger(value)) return `expected an integer, got ${value}`;
			if (option.min !== undefined && value < option.min) return `expected ≥ ${option.min}, got ${value}`;
			if (option.max !== undefined && value > option.max) return `expected ≤ ${option.max}, got ${value}`;
			return undefined;
		}
	}
}
