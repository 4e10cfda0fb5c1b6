import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The repository root: the nearest directory above this module that holds package.json, so assets resolve both
 * from `src/` under tsx and from `dist/src/` after tsc.
 */
export function repoRoot(): string {
	if (cached) return cached;
	const start = path.dirname(fileURLToPath(import.meta.url));
	let dir = start;
	while (!existsSync(path.join(dir, 'package.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`no package.json above ${start}`);
		dir = parent;
	}
	cached = dir;
	return dir;
}
