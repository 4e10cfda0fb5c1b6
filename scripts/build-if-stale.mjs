// `npm start`'s prestart: runs the TypeScript build only when a source file is newer than the last build, so a
// restart with dist/ current starts at once instead of spending ~10 s in tsc. Plain JavaScript, run by node itself.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Written into dist/ after each build this script runs. */
export const STAMP = path.join('dist', '.build-stamp');
/** What tsconfig.build.json compiles, and the files that change how it compiles. */
const sourceDirs = ['src', 'commands', 'scripts'];
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const sourceFile = /\.(ts|mts|cts|tsx)$/;

/** The newest modification time (ms) among the build's inputs under `root`. */
function newestInput(root) {
	let newest = 0;
	const visit = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) visit(full);
			else if (sourceFile.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
		}
	};
	for (const dir of sourceDirs) if (existsSync(path.join(root, dir))) visit(path.join(root, dir));
	for (const file of configFiles) {
		const full = path.join(root, file);
		if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

/** True when `root` has no build stamp or a source or config file is newer than it. */
export function isStale(root) {
	const stamp = path.join(root, STAMP);
	if (!existsSync(stamp)) return true;
	return newestInput(root) > statSync(stamp).mtimeMs;
}

/** Builds `root` when stale; returns tsc's exit status (0 when nothing was needed). */
export function buildIfStale(root) {
	if (!isStale(root)) {
		console.log('dist/ is current: no build needed');
		return 0;
	}
	// The stamp takes the build's start time, so a file saved while tsc runs still counts as newer next time.
	const started = new Date();
	const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
	const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) return result.status ?? 1;
	const stamp = path.join(root, STAMP);
	writeFileSync(stamp, `${started.toISOString()}\n`);
	utimesSync(stamp, started, started);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = buildIfStale(repository);
}
