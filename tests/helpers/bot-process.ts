import { spawn, type ChildProcess } from 'node:child_process';
import { fromRoot } from '../../src/paths.js';

/** The bot as a real process (`src/index.ts` under tsx), its output collected. */
export class BotProcess {
	readonly child: ChildProcess;
	output = '';

	constructor(env: Record<string, string>) {
		this.child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/index.ts')], {
			cwd: fromRoot(),
			env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child.stdout!.on('data', (chunk) => (this.output += String(chunk)));
		this.child.stderr!.on('data', (chunk) => (this.output += String(chunk)));
	}

	/** JSON log lines so far (non-JSON lines are skipped). */
	logs(): Record<string, unknown>[] {
		return this.output.split('\n').flatMap((line) => {
			try {
				return [JSON.parse(line) as Record<string, unknown>];
			} catch {
				return [];
			}
		});
	}

	/** Waits for a log line matching `predicate`; fails with the output if the process exits or time runs out. */
	async waitForLog(
		predicate: (line: Record<string, unknown>) => boolean,
		timeoutMs = 60_000,
	): Promise<Record<string, unknown>> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.logs().find(predicate);
			if (found) return found;
			if (this.ended)
				throw new Error(`bot exited with ${this.child.exitCode ?? this.child.signalCode}:\n${this.output}`);
			if (Date.now() > deadline) throw new Error(`timed out waiting for a log line:\n${this.output}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	/** Whether the process has ended, by exiting or by a signal (a SIGKILLed child has no exit code, only a signal). */
	get ended(): boolean {
		return this.child.exitCode !== null || this.child.signalCode !== null;
	}

	/** Resolves with the exit code (null when a signal ended it). */
	exited(): Promise<number | null> {
		return this.ended
			? Promise.resolve(this.child.exitCode)
			: new Promise((r) => this.child.once('exit', (code) => r(code)));
	}

	async stop(): Promise<void> {
		if (!this.ended) {
			this.child.kill('SIGTERM');
			await this.exited();
		}
	}
}
