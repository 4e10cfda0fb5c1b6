import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/paths.js';

/**
 * A path in the team's shared folder (Discord's OpenAPI spec, the corpus, the seeds, the word-similarity
 * benchmarks). It sits beside the repository (`../shared`), where CI and every checkout here have it; `SHARED_DIR`
 * points elsewhere, for a clone made somewhere else.
 */
export function sharedPath(...parts: string[]): string {
	const dir = process.env.SHARED_DIR ?? path.resolve(repoRoot(), '..', 'shared');
	if (!existsSync(dir)) {
		throw new Error(`the shared folder is expected at ${dir} (beside the repository); set SHARED_DIR to where it is`);
	}
	return path.join(dir, ...parts);
}
