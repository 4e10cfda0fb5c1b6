import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands } from '../commands/index.js';
import { deployCommands } from '../src/discord/deploy.js';
import { startEmulator } from '../tests/emulator/index.js';
import { MeasuredBot } from './load/process.js';
import { median, type BenchRow, type BenchSuite } from './types.js';

const RUNS = Number(process.env.STARTUP_RUNS ?? 3);

function sqliteUrl(): string {
	return `sqlite://${path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-startup-')), 'bot.sqlite')}`;
}

/** Polls `url` until it answers 200; returns performance.now() at that moment. */
async function firstOk(url: string, bot: MeasuredBot): Promise<number> {
	for (;;) {
		const ok = await fetch(url).then(
			(r) => r.ok,
			() => false,
		);
		if (ok) return performance.now();
		if (bot.child.exitCode !== null) throw new Error(`the bot exited:\n${bot.output.slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 5));
	}
}

/**
 * Start-up of the bot process (`node --import tsx src/index.ts`, as `npm run dev`; the compiled `npm start` skips
 * tsx's on-the-fly compile): spawn → the local mode's page answering, spawn → READY from the emulated Discord, and
 * spawn → every model warmed up (the bot loads them in the background after it is ready), with the process's RSS
 * then. Median of STARTUP_RUNS (3) runs each.
 */
const suite: BenchSuite = {
	area: 'startup',
	async run(): Promise<BenchRow[]> {
		const local: number[] = [];
		const discord: number[] = [];
		const warm: number[] = [];
		const rss: number[] = [];
		let models = 0;
		for (let run = 0; run < RUNS; run++) {
			const bot = new MeasuredBot({ STORE_URL: sqliteUrl() });
			try {
				const line = await bot.waitFor((l) => String(l.msg).startsWith('Local mode: open'));
				local.push((await firstOk(String(line.line.url), bot)) - bot.spawnedAt);
			} finally {
				await bot.stop();
			}
		}
		const emulator = await startEmulator({ token: 'x', heartbeatIntervalMs: 5_000 });
		try {
			await deployCommands({
				token: 'x',
				commands,
				guildId: [...emulator.world.guilds.keys()][0]!,
				apiBase: emulator.apiUrl,
			});
			for (let run = 0; run < RUNS; run++) {
				const bot = new MeasuredBot({ DISCORD_TOKEN: 'x', DISCORD_API_BASE: emulator.apiUrl, STORE_URL: sqliteUrl() });
				try {
					discord.push((await bot.waitFor((l) => l.msg === 'connected to Discord')).at - bot.spawnedAt);
					const warmed = await bot.waitFor((l) => l.msg === 'models warmed up', 300_000);
					warm.push(warmed.at - bot.spawnedAt);
					models = Array.isArray(warmed.line.models) ? warmed.line.models.length : 0;
					rss.push(bot.memory().rssMiB);
				} finally {
					await bot.stop();
				}
			}
		} finally {
			await emulator.stop();
		}
		return [
			{ name: `startup: spawn → local mode page answering (median of ${RUNS})`, value: median(local), unit: 'ms' },
			{
				name: `startup: spawn → connected to the emulated Discord (READY; median of ${RUNS})`,
				value: median(discord),
				unit: 'ms',
			},
			{ name: `startup: spawn → all ${models} models warmed up (median of ${RUNS})`, value: median(warm), unit: 'ms' },
			{
				name: 'startup: RSS of the bot process with every model loaded (worker threads included)',
				value: median(rss),
				unit: 'MiB',
			},
		];
	},
};

export default suite;
