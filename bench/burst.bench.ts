import { Locale } from 'discord-api-types/v10';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands } from '../commands/index.js';
import { deployCommands } from '../src/discord/deploy.js';
import { loadTinyGpt, type TinyGpt } from '../src/models/transformer/index.js';
import {
	DEFAULT_GUILD_SEED,
	startEmulator,
	type DiscordEmulator,
	type DispatchInput,
} from '../tests/emulator/index.js';
import { classify, percentile, settled, wasToldToWait } from './load/members.js';
import { MeasuredBot } from './load/process.js';
import { median, type BenchRow, type BenchSuite } from './types.js';

/** Members per burst (the presenter's "everyone, try /sample now"). */
const MEMBERS = Number(process.env.BURST_MEMBERS ?? 40);
/** The burst is spread evenly over this window. */
const WINDOW_MS = 1000;
/** Another checkout's bot to measure instead of this one (e.g. the main branch, for before/after). */
const BOT_ROOT = process.env.BURST_BOT_ROOT;

type Options = DispatchInput extends infer D ? (D extends { options?: infer O } ? O : never) : never;

/** Every demo, as the burst sends it. */
const DEMOS: { label: string; name: string; options: Options }[] = [
	{ label: '/sample (defaults)', name: 'sample', options: { prompt: 'The old prince said' } },
	{
		label: '/sample samples:200 tokens:50',
		name: 'sample',
		options: { prompt: 'The old prince said', samples: 200, tokens: 50 },
	},
	{
		label: '/attention view:head',
		name: 'attention',
		options: { text: 'The old prince said to his son', view: 'head' },
	},
	{
		label: '/attention view:heads',
		name: 'attention',
		options: { text: 'The old prince said to his son', view: 'heads' },
	},
	{
		label: '/attention view:steps',
		name: 'attention',
		options: { text: 'The old prince said to his son', view: 'steps' },
	},
	{ label: '/similarity mode:map', name: 'similarity', options: { words: 'king queen man woman', mode: 'map' } },
	{ label: '/residual', name: 'residual', options: { text: 'The old prince said to his son' } },
	{ label: '/ffn', name: 'ffn', options: { text: 'The old prince said to his son' } },
	{ label: '/positions', name: 'positions', options: {} },
	{
		label: '/tokenize encoding:compare',
		name: 'tokenize',
		options: { text: 'The old prince said to his son', encoding: 'compare' },
	},
];

/**
 * Some demos again, each member with an input of their own: the bot keeps answers to pure demos (src/compute/memo.ts),
 * so forty members asking the very same thing wait for one computation; these rows are the room typing its own.
 */
const OWN_INPUT: { label: string; name: string; options: (i: number) => Options }[] = [
	{
		label: '/attention view:steps, each member their own sentence',
		name: 'attention',
		options: (i) => ({ text: `The old prince said to his son on day ${i + 1}`, view: 'steps' }),
	},
	{
		label: '/residual, each member their own sentence',
		name: 'residual',
		options: (i) => ({ text: `The old prince said to his son on day ${i + 1}` }),
	},
	{
		label: '/ffn, each member their own sentence',
		name: 'ffn',
		options: (i) => ({ text: `The old prince said to his son on day ${i + 1}` }),
	},
	{ label: '/positions, each member their own length', name: 'positions', options: (i) => ({ length: 8 + i }) },
	{
		label: '/similarity mode:map, each member their own words',
		name: 'similarity',
		options: (i) => ({ words: `king queen man woman ${SIMILARITY_WORDS[i % SIMILARITY_WORDS.length]}`, mode: 'map' }),
	},
];

/** A fifth word for each member's word map. */
const SIMILARITY_WORDS = [
	'prince',
	'princess',
	'boy',
	'girl',
	'father',
	'mother',
	'son',
	'daughter',
	'uncle',
	'aunt',
	'emperor',
	'empress',
	'husband',
	'wife',
	'brother',
	'sister',
	'lord',
	'lady',
	'duke',
	'duchess',
	'child',
	'baby',
	'friend',
	'enemy',
	'soldier',
	'general',
	'captain',
	'servant',
	'master',
	'monk',
	'nun',
	'priest',
	'bishop',
	'knight',
	'squire',
	'farmer',
	'doctor',
	'nurse',
	'teacher',
	'student',
];

interface Outcome {
	/** Shown their place in line before the answer. */
	told: boolean;
	ok: boolean;
	refused: boolean;
	ms: number | null;
	text: string;
}

/** Sends `inputs` spread evenly over `windowMs`, and waits for every final reply. */
async function burst(emulator: DiscordEmulator, inputs: DispatchInput[], windowMs = WINDOW_MS): Promise<Outcome[]> {
	return Promise.all(
		inputs.map(async (input, i) => {
			await new Promise((r) => setTimeout(r, (i * windowMs) / inputs.length));
			const outcome = await settled(emulator.dispatchInteraction(input), 120_000);
			const result = classify(outcome);
			const shown = [outcome.original, ...outcome.followUps].filter((m) => m && !m.deleted).at(-1);
			const ms = outcome.timings.finalStateMs;
			return {
				told: wasToldToWait(outcome),
				ok: result === 'ok' && ms !== null,
				refused: result !== 'ok' && result !== 'unanswered',
				ms,
				text: shown?.message.content ?? '',
			};
		}),
	);
}

function burstRows(label: string, outcomes: Outcome[]): BenchRow[] {
	const answered = outcomes.filter((o) => o.ok).map((o) => o.ms!);
	const refused = outcomes.filter((o) => o.refused);
	const unanswered = outcomes.length - answered.length - refused.length;
	const why = refused[0] ? ` e.g. “${refused[0].text.slice(0, 60)}”` : '';
	const told = outcomes.filter((o) => o.told).length;
	const counts = `${outcomes.length} sent: ${answered.length} answered (${told} shown their place in line first), ${refused.length} refused${why}, ${unanswered} unanswered`;
	return [
		{ name: `${label} (${counts}), p50`, value: percentile(answered, 50), unit: 'ms' },
		{ name: `${label}, p90`, value: percentile(answered, 90), unit: 'ms' },
		{ name: `${label}, max`, value: answered.length ? Math.max(...answered) : Number.NaN, unit: 'ms' },
	];
}

/** One decode step with the cache against a full forward pass, at `context` tokens, median of `runs`. */
function decodeRows(model: TinyGpt, context: number, runs = 30): BenchRow {
	const tokens = Array.from({ length: context }, (_, i) => (i * 37 + 11) % model.config.vocabSize);
	const full: number[] = [];
	const cached: number[] = [];
	const { kv } = model.prefill(tokens.slice(0, context - 1));
	for (let r = 0; r < runs + 3; r++) {
		const fork = kv.fork();
		let t = performance.now();
		fork.step(tokens[context - 1]!);
		if (r >= 3) cached.push(performance.now() - t);
		t = performance.now();
		model.nextLogits(tokens);
		if (r >= 3) full.push(performance.now() - t);
	}
	const step = median(cached);
	const recompute = median(full);
	return {
		name: `decode: one token at ${context} tokens of context, with the key/value cache (median of ${runs})`,
		value: step,
		unit: 'ms',
		reference: { name: 'full forward pass', value: recompute, unit: 'ms' },
		ratio: recompute / step,
		note: 'speed-up, higher is better',
	};
}

/**
 * The presenter's "everyone, try it now": for every demo, MEMBERS (40) members send the same command within one
 * second to the bot as its own process (the emulator's clock, dispatch → final reply); then a /tokenize sent while six
 * `samples:200 tokens:50` run; then one decode step with and without the key/value cache, in this process.
 */
const suite: BenchSuite = {
	area: 'burst',
	async run(): Promise<BenchRow[]> {
		const rounds = DEMOS.length + 2 + OWN_INPUT.length;
		const memberName = (round: number, i: number) => `r${round}m${String(i).padStart(3, '0')}`;
		const names = Array.from({ length: rounds }, (_, r) => Array.from({ length: MEMBERS }, (_, i) => memberName(r, i)));
		const emulator = await startEmulator({
			token: 'x',
			rateLimit: { limit: 100_000, windowMs: 1000 },
			guilds: [
				{
					...DEFAULT_GUILD_SEED,
					members: [
						...(DEFAULT_GUILD_SEED.members ?? []),
						...[...names.flat(), ...DEMOS.map((_, round) => `warm${round}`)].map((username) => ({
							username,
							roles: ['Member'],
						})),
					],
				},
			],
		});
		const guildId = [...emulator.world.guilds.keys()][0]!;
		await deployCommands({ token: 'x', commands, guildId, apiBase: emulator.apiUrl });
		const channel = emulator.world.channelByName('general', guildId).id;
		const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-burst-'));
		const bot = new MeasuredBot(
			{ DISCORD_TOKEN: 'x', DISCORD_API_BASE: emulator.apiUrl, STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}` },
			BOT_ROOT,
		);
		const out: BenchRow[] = [];
		try {
			const metricsUrl = String((await bot.waitFor((l) => String(l.msg).startsWith('health and metrics'))).line.url);
			await bot.waitFor((l) => l.msg === 'connected to Discord');
			await waitForModels(metricsUrl);
			const command = (user: string, demo: (typeof DEMOS)[number], locale?: Locale): DispatchInput => ({
				type: 'command',
				name: demo.name,
				options: demo.options,
				user,
				channel,
				locale,
			});
			// One of each first, by a member of its own: the first chart of a kind registers fonts, the first call builds
			// tables. In Korean, so that the burst's first ask is not answered from the bot's answer cache.
			for (const [round, demo] of DEMOS.entries())
				await burst(emulator, [command(`warm${round}`, demo, Locale.Korean)], 0);
			out.push({
				name: 'memory: bot RSS with every model loaded and warm (VmRSS)',
				value: bot.memory().rssMiB,
				unit: 'MiB',
			});
			for (const [round, demo] of DEMOS.entries()) {
				process.stderr.write(`burst: ${MEMBERS} × ${demo.label}…\n`);
				const outcomes = await burst(
					emulator,
					names[round]!.map((user) => command(user, demo)),
				);
				out.push(...burstRows(`burst: ${MEMBERS} members, ${demo.label} within 1 s`, outcomes));
			}
			const heavy = DEMOS[1]!;
			const tokenize = DEMOS.at(-1)!;
			const alone = await burst(emulator, [command(names[DEMOS.length]![0]!, heavy)], 0);
			out.push({ name: `${heavy.label} alone`, value: alone[0]!.ms ?? Number.NaN, unit: 'ms' });
			process.stderr.write('burst: /tokenize while six heavy /sample run…\n');
			const six = burst(
				emulator,
				names[DEMOS.length + 1]!.slice(0, 6).map((user) => command(user, heavy)),
				0,
			);
			await new Promise((r) => setTimeout(r, 300));
			const [probe] = await burst(emulator, [command(names[DEMOS.length]![1]!, tokenize)], 0);
			const sixOutcomes = await six;
			out.push({
				name: `/tokenize compare sent while six ${heavy.label} run (${sixOutcomes.filter((o) => o.ok).length} of 6 answered, ${sixOutcomes.filter((o) => o.refused).length} refused)`,
				value: probe!.ms ?? Number.NaN,
				unit: 'ms',
			});
			for (const [i, demo] of OWN_INPUT.entries()) {
				process.stderr.write(`burst: ${MEMBERS} × ${demo.label}…\n`);
				const members = names[DEMOS.length + 2 + i]!;
				const outcomes = await burst(
					emulator,
					members.map((user, m) => command(user, { ...demo, options: demo.options(m) })),
				);
				out.push(...burstRows(`burst: ${MEMBERS} members, ${demo.label} within 1 s`, outcomes));
			}
			out.push({ name: 'memory: bot peak RSS through the bursts (VmHWM)', value: bot.memory().peakMiB, unit: 'MiB' });
		} finally {
			await bot.stop();
			await emulator.stop();
		}
		const model = await loadTinyGpt();
		for (const context of [16, 64, 128]) out.push(decodeRows(model, context));
		return out;
	},
};

/** Waits until /healthz reports every model loaded (the bot warms them up in the background after connecting). */
async function waitForModels(url: string): Promise<void> {
	const deadline = performance.now() + 180_000;
	for (;;) {
		const report = (await (await fetch(`${url}/healthz`)).json()) as { models: { name: string; loaded: boolean }[] };
		if (report.models.length > 0 && report.models.every((m) => m.loaded)) return;
		if (performance.now() > deadline)
			throw new Error(`models not loaded after 180 s: ${JSON.stringify(report.models)}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

export default suite;
