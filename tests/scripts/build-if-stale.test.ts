import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale, STAMP } from '../../scripts/build-if-stale.mjs';

/* npm start's prestart decides whether to run tsc from file times: checked on a scratch tree with times set by hand. */
let root: string;
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
function write(file: string, seconds: number): void {
	const full = path.join(root, file);
	mkdirSync(path.dirname(full), { recursive: true });
	writeFileSync(full, '');
	utimesSync(full, at(seconds), at(seconds));
}

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'build-stamp-'));
	write('src/index.ts', 10);
	write('commands/sample.ts', 10);
	write('tsconfig.json', 5);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build only when stale', () => {
	it('GIVEN no build yet (a fresh clone) THEN stale', () => {
		expect(isStale(root)).toBe(true);
	});

	it('GIVEN a build newer than every source THEN current', () => {
		write(STAMP, 20);
		expect(isStale(root)).toBe(false);
	});

	it('GIVEN a source file, a nested one or the tsconfig changed after the build THEN stale', () => {
		write(STAMP, 20);
		write('src/demos/sample/local.ts', 21);
		expect(isStale(root)).toBe(true);
		write(STAMP, 30);
		write('tsconfig.build.json', 31);
		expect(isStale(root)).toBe(true);
	});

	it('GIVEN only a file tsc does not compile changed THEN current', () => {
		write(STAMP, 20);
		write('src/local/page/index.html', 25);
		expect(isStale(root)).toBe(false);
	});
});
