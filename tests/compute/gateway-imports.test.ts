import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.js';

/**
 * Run in a fresh process (this one has loaded everything already): imports what the gateway thread imports, the app
 * and every command, and lists the CommonJS modules that came with them.
 */
function gatewayModules(): string[] {
	const script = `
		import { createRequire } from 'node:module';
		await import(${JSON.stringify(fromRoot('src/app.ts'))});
		await import(${JSON.stringify(fromRoot('commands/index.ts'))});
		console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));
	`;
	const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		cwd: fromRoot(),
		encoding: 'utf8',
	});
	return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

describe('what the gateway thread loads', () => {
	it('GIVEN the app and every command imported THEN TensorFlow.js is not among them (only the worker threads run the model)', () => {
		const tf = gatewayModules().filter((m) => m.includes('@tensorflow'));
		expect(tf).toEqual([]);
	}, 60_000);
});
