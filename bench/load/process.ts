import { writeFileSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../src/paths.js';

/** A JSON log line of the bot, with when this process read it (performance.now()). */
export interface TimedLine {
	at: number;
	line: Record<string, unknown>;
}

/**
 * The bot as its own process, built and run as `npm start` runs it (`dist/src/index.js` under plain node, compiled
 * first if a source is newer: what members are served by; under tsx each worker thread carries its compile cache, about
 * 80 MiB more), so what it measures about itself (event-loop delay, RSS) is not polluted by the load generator and the
 * emulator in this process. Each JSON log line is time-stamped on arrival, for start-up timings.
 */
export class MeasuredBot {
	readonly child: ChildProcess;
	/** When the process was spawned (after any build), for start-up timings. */
	readonly spawnedAt: number;
	readonly lines: TimedLine[] = [];
	output = '';
	private pending = '';

	/** @param root another checkout to run (default: this one), e.g. to measure a branch before and after. */
	constructor(env: Record<string, string>, root = fromRoot()) {
		buildIfStale(root);
		this.spawnedAt = performance.now();
		this.child = spawn(process.execPath, [path.join(root, 'dist/src/index.js')], {
			cwd: root,
			env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: '0', DISCORD_TOKEN: '', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const read = (chunk: Buffer) => {
			const at = performance.now();
			this.output += String(chunk);
			this.pending += String(chunk);
			const parts = this.pending.split('\n');
			this.pending = parts.pop() ?? '';
			for (const part of parts) {
				try {
					this.lines.push({ at, line: JSON.parse(part) as Record<string, unknown> });
				} catch {
					// Not a log line (a stack trace, tsx's messages).
				}
			}
		};
		this.child.stdout!.on('data', read);
		this.child.stderr!.on('data', read);
		// LOAD_BOT_LOG=<file> keeps the bot's own log (per-interaction latency, deferrals) for a closer look.
		const logFile = process.env.LOAD_BOT_LOG;
		if (logFile) this.child.on('exit', () => writeFileSync(logFile, this.output));
	}

	/** Milliseconds from spawn to the first log line matching `predicate` (waits up to `timeoutMs`). */
	async waitFor(predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 120_000): Promise<TimedLine> {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			const found = this.lines.find((l) => predicate(l.line));
			if (found) return found;
			if (this.child.exitCode !== null)
				throw new Error(`the bot exited (${this.child.exitCode}):\n${this.output.slice(-3000)}`);
			if (performance.now() > deadline)
				throw new Error(`timed out waiting for a log line:\n${this.output.slice(-3000)}`);
			await new Promise((r) => setTimeout(r, 5));
		}
	}

	/** Resident set size now and its peak so far (VmRSS, VmHWM from /proc), in MiB; worker threads included. */
	memory(): { rssMiB: number; peakMiB: number } {
		const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
		const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
		return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise((r) => this.child.once('exit', r));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}
}

/** One gauge or counter value from a Prometheus text exposition (the first sample of `name`). */
export function metricValue(text: string, name: string): number {
	const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([^\\s]+)`, 'm').exec(text);
	return match ? Number(match[1]) : Number.NaN;
}

/** Compiles `root` when a source is newer than its last build (what `npm start`'s prestart does). */
function buildIfStale(root: string): void {
	const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], {
		cwd: root,
		stdio: 'inherit',
	});
	if (build.status !== 0) throw new Error(`build failed in ${root} (${build.status})`);
}
