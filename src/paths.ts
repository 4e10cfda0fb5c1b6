import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The repository root (the directory holding package.json), found by walking up from this module, so paths work
 * from `src/` under tsx and from `dist/src/` after tsc alike.
 */
export function repoRoot(): string {
	if (cached) return cached;
	let dir = path.dirname(fileURLToPath(import.meta.url));
	while (!existsSync(path.join(dir, 'package.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
		dir = parent;
	}
	cached = dir;
	return dir;
}

/** A path inside the repository. */
export function fromRoot(...parts: string[]): string {
	return path.join(repoRoot(), ...parts);
}
