import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { commands } from '../commands/index.js';
import { deployCommands } from '../src/discord/deploy.js';
import { DEFAULT_GUILD_SEED, startEmulator } from '../tests/emulator/index.js';
import { meetingMix, percentile, runMembers, type Sample } from './load/members.js';
import { MeasuredBot, metricValue } from './load/process.js';
import type { BenchRow, BenchSuite } from './types.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const MEMBERS = Number(process.env.LOAD_MEMBERS ?? 200);
/** The paced run first: a study group's size, each member reading an answer for 4–12 s before the next. */
const MEETING_MEMBERS = Number(process.env.LOAD_MEETING_MEMBERS ?? 40);
const MEETING_THINK_MS = [4_000, 12_000] as const;

/**
 * Two runs of LOAD_SECONDS each on one bot. First a meeting as it happens: MEETING_MEMBERS (40) members who each read
 * an answer for 4–12 s before sending the next. Then the stress run: the emulated Discord and MEMBERS simulated members in this process, the bot in its own process
 * (src/index.ts on SQLite, worker pool sized to the cores, models warmed up first), each member sending its next
 * interaction as soon as the last was answered, for LOAD_SECONDS (60; shorten for a smoke run). Latency is from
 * dispatch to the member's final reply (the emulator's clock); the event-loop delay p99 is the bot's own
 * (its /metrics gauge, over the run); peak RSS is the bot process's VmHWM, worker threads included.
 */
const suite: BenchSuite = {
	area: 'load',
	async run(): Promise<BenchRow[]> {
		const names = Array.from({ length: MEMBERS }, (_, i) => `member${String(i + 1).padStart(3, '0')}`);
		// Members of their own, so the stress run does not start with the meeting's per-member limits already used.
		const attendees = Array.from({ length: MEETING_MEMBERS }, (_, i) => `attendee${String(i + 1).padStart(2, '0')}`);
		const emulator = await startEmulator({
			token: 'x',
			// Discord's per-route limits apply per interaction token; a shared default bucket would throttle 200 members artificially.
			rateLimit: { limit: 100_000, windowMs: 1000 },
			guilds: [
				{
					...DEFAULT_GUILD_SEED,
					members: [
						...(DEFAULT_GUILD_SEED.members ?? []),
						...[...attendees, ...names].map((username) => ({ username, roles: ['Member'] })),
					],
				},
			],
		});
		const guildId = [...emulator.world.guilds.keys()][0]!;
		await deployCommands({ token: 'x', commands, guildId, apiBase: emulator.apiUrl });
		const general = emulator.world.channelByName('general', guildId).id;
		const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
		// Production settings: info-level JSON logs (a line per interaction), the default worker pool.
		const bot = new MeasuredBot({
			DISCORD_TOKEN: 'x',
			DISCORD_API_BASE: emulator.apiUrl,
			STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}`,
		});
		try {
			const metricsUrl = String((await bot.waitFor((l) => String(l.msg).startsWith('health and metrics'))).line.url);
			await bot.waitFor((l) => l.msg === 'connected to Discord');
			process.stderr.write('load: bot connected; warming up models…\n');
			await waitForModels(metricsUrl);

			let cached: { at: number; message: APIMessage | undefined } = { at: 0, message: undefined };
			const liveQuestion = (): APIMessage | undefined => {
				if (performance.now() - cached.at < 200) return cached.message;
				const posts = emulator
					.channelMessages(general)
					.filter((m) => !m.interactionId && JSON.stringify(m.message.components ?? []).includes('quiz:live:'));
				const open = posts.filter((m) => !JSON.stringify(m.message.components).includes('"disabled":true')).at(-1);
				cached = { at: performance.now(), message: open?.message };
				return cached.message;
			};
			const present = new Set(commands.map((c) => c.data.name));
			const actions = meetingMix(liveQuestion, general).filter((a) => present.has(a.command));
			const live = await emulator
				.dispatchInteraction({
					type: 'command',
					name: 'quiz',
					subcommand: 'live',
					options: { week: 3, seconds: 45, count: 10 },
					user: 'ada',
					channel: general,
				})
				.answered({ timeoutMs: 20_000 });
			if (!/^▶️/.test(live.original?.message.content ?? ''))
				throw new Error(`the live quiz did not start: ${live.original?.message.content}`);
			// One of each first: the first chart of a kind registers fonts, the first model call builds its tables.
			await runMembers(
				emulator,
				['ada'],
				actions.map((a) => ({ ...a, weight: 1 })),
				performance.now() + 5_000,
			);
			await fetch(`${metricsUrl}/metrics`); // resets the event-loop histogram: the next scrape covers the run only
			process.stderr.write(
				`load: a meeting, ${MEETING_MEMBERS} members reading each answer for 4–12 s, for ${SECONDS} s…\n`,
			);
			const meetingStarted = performance.now();
			const meetingSamples = await runMembers(
				emulator,
				attendees,
				actions,
				meetingStarted + SECONDS * 1000,
				MEETING_THINK_MS,
			);
			const meetingS = (performance.now() - meetingStarted) / 1000;
			const meetingMetrics = await (await fetch(`${metricsUrl}/metrics`)).text();
			const meetingViolations = emulator.violations.length;
			const out = rows(
				`meeting (${MEETING_MEMBERS} members, 4–12 s between interactions)`,
				MEETING_MEMBERS,
				meetingSamples,
				meetingS,
				metricValue(meetingMetrics, 'bot_event_loop_delay_p99_seconds') * 1000,
				bot.memory().peakMiB,
				meetingViolations,
			);
			process.stderr.write(`load: ${MEMBERS} members for ${SECONDS} s…\n`);
			// The emulated Discord and the members share this process: if its loop lags, Discord itself is late.
			const ownLoop = monitorEventLoopDelay({ resolution: 10 });
			ownLoop.enable();
			const started = performance.now();
			const samples = await runMembers(emulator, names, actions, started + SECONDS * 1000);
			const elapsedS = (performance.now() - started) / 1000;
			ownLoop.disable();
			const metrics = await (await fetch(`${metricsUrl}/metrics`)).text();
			const memory = bot.memory();
			out.push(
				...rows(
					'load',
					MEMBERS,
					samples,
					elapsedS,
					metricValue(metrics, 'bot_event_loop_delay_p99_seconds') * 1000,
					memory.peakMiB,
					emulator.violations.length - meetingViolations,
				),
			);
			out.push({
				name: `load: event-loop delay p99 of the emulated Discord and the members (this process; max ${(ownLoop.max / 1e6).toFixed(0)} ms), over the run`,
				value: ownLoop.percentile(99) / 1e6,
				unit: 'ms',
			});
			return out;
		} finally {
			await bot.stop();
			await emulator.stop();
		}
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

/** The rows of one run, each named `<run>: …`. */
function rows(
	run: string,
	members: number,
	samples: Sample[],
	elapsedS: number,
	loopP99Ms: number,
	peakMiB: number,
	violations: number,
): BenchRow[] {
	const out: BenchRow[] = [];
	const labels = [...new Set(samples.map((s) => s.label))];
	for (const label of labels) {
		const mine = samples.filter((s) => s.label === label);
		// Latency of real answers; the instant "busy" and cooldown refusals are counted apart, or they would flatter it.
		const done = mine.filter((s) => s.result === 'ok' && s.latencyMs !== null).map((s) => s.latencyMs!);
		const refusals = mine
			.filter((s) => (s.result === 'busy' || s.result === 'limited') && s.latencyMs !== null)
			.map((s) => s.latencyMs!);
		const count = (r: Sample['result']) => mine.filter((s) => s.result === r).length;
		const counts = `${mine.length} sent: ${count('ok')} answered, ${count('limited')} cooldown ❌, ${count('busy')} busy ❌, ${count('refused')} other ❌, ${count('unanswered')} unanswered`;
		out.push({
			name: `${run}: ${label} (${counts}), dispatch → final reply p50 of the real answers`,
			value: percentile(done, 50),
			unit: 'ms',
		});
		out.push({ name: `${run}: ${label}, p95`, value: percentile(done, 95), unit: 'ms' });
		out.push({ name: `${run}: ${label}, p99`, value: percentile(done, 99), unit: 'ms' });
		if (refusals.length > 0)
			out.push({
				name: `${run}: ${label}, "busy" or cooldown answer, p99`,
				value: percentile(refusals, 99),
				unit: 'ms',
			});
	}
	const all = samples.filter((s) => s.latencyMs !== null).map((s) => s.latencyMs!);
	out.push({
		name: `${run}: all ${samples.length} interactions in ${elapsedS.toFixed(0)} s from ${members} members, p50`,
		value: percentile(all, 50),
		unit: 'ms',
	});
	out.push({ name: `${run}: all interactions, p95`, value: percentile(all, 95), unit: 'ms' });
	out.push({ name: `${run}: all interactions, p99`, value: percentile(all, 99), unit: 'ms' });
	out.push({ name: `${run}: replies per second (answers and refusals)`, value: all.length / elapsedS, unit: '/s' });
	out.push({
		name: `${run}: real answers per second`,
		value: samples.filter((s) => s.result === 'ok').length / elapsedS,
		unit: '/s',
	});
	const unanswered = samples.filter((s) => s.result === 'unanswered');
	out.push({ name: `${run}: interactions unanswered (must be 0)`, value: unanswered.length, unit: '' });
	// Why, grouped, so a regression is diagnosable from the table.
	const reasons = new Map<string, number>();
	for (const s of unanswered) {
		const key = (s.why ?? 'unknown').replace(/\d+ ms/g, 'N ms');
		if (process.env.LOAD_DEBUG) process.stderr.write(`${s.label}: ${s.why}\n`);
		reasons.set(key, (reasons.get(key) ?? 0) + 1);
	}
	for (const [why, n] of reasons) out.push({ name: `${run}: unanswered because: ${why}`, value: n, unit: '' });
	out.push({ name: `${run}: requests that broke Discord’s spec (must be 0)`, value: violations, unit: '' });
	out.push({
		name: `${run}: event-loop delay p99 of the bot’s gateway thread, over the run`,
		value: loopP99Ms,
		unit: 'ms',
	});
	out.push({
		name: `${run}: peak RSS of the bot process (VmHWM, worker threads included)`,
		value: peakMiB,
		unit: 'MiB',
	});
	return out;
}

export default suite;
