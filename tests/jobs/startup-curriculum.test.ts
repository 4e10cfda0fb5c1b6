import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fromRoot } from '../../src/paths.js';
import { RecordingPoster } from '../helpers/deps.js';
import { silentLogger } from '../helpers/silent-logger.js';

/** An organizer's CURRICULUM_DIR with week 5 copied and its first demo's command misspelt; returns the file and line. */
function brokenCurriculumDir(): { dir: string; file: string; line: number } {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'broken-curriculum-'));
	const text = readFileSync(fromRoot('curriculum/weeks/week-05.yaml'), 'utf8');
	const at = text.indexOf('  - command: ');
	const broken = `${text.slice(0, at)}  - command: tokenise\n${text.slice(text.indexOf('\n', at) + 1)}`;
	const file = path.join(dir, 'week-05.yaml');
	writeFileSync(file, broken);
	return { dir, file, line: text.slice(0, at).split('\n').length };
}

describe('start-up with a broken curriculum file', () => {
	it('GIVEN CURRICULUM_DIR with a misspelt demo command THEN createApp refuses with the file, the line and the reason', async () => {
		const { dir, file, line } = brokenCurriculumDir();
		const config = loadConfig({ NODE_ENV: 'test', CURRICULUM_DIR: dir, STORE_URL: 'sqlite://:memory:' });
		await expect(createApp({ config, log: silentLogger, poster: new RecordingPoster() })).rejects.toThrow(
			`${file}:${line}: demos[0].command: unknown command "tokenise"; known: tokenize,`,
		);
	});

	it('GIVEN the same directory THEN the bot process exits with status 1 and prints the problem, before serving anything', async () => {
		const { dir, file, line } = brokenCurriculumDir();
		const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/index.ts')], {
			cwd: fromRoot(),
			env: {
				...process.env,
				DISCORD_TOKEN: '',
				CURRICULUM_DIR: dir,
				STORE_URL: 'sqlite://:memory:',
				PORT: '0',
				LOG_LEVEL: 'info',
				NODE_ENV: 'production',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += String(chunk)));
		child.stderr.on('data', (chunk) => (stderr += String(chunk)));
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		expect(code).toBe(1);
		expect(stderr).toContain('Start-up failed: CurriculumError: The curriculum has 1 problem');
		expect(stderr).toContain(`${file}:${line}: demos[0].command: unknown command "tokenise"`);
		expect(stdout).not.toContain('Local mode: open');
	}, 60_000);
});
