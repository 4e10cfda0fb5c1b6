import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/paths.js';

let found: string | undefined;

/** Where the shared folder may be: SHARED_DIR; beside the repository; beside the checkout it was cloned from. */
function candidates(): string[] {
	if (process.env.SHARED_DIR) return [process.env.SHARED_DIR];
	const out = [path.resolve(repoRoot(), '..', 'shared')];
	try {
		// A clone of a local checkout (`git clone /work/main /tmp/fresh`) finds it beside its origin.
		const origin = execFileSync('git', ['-C', repoRoot(), 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
		if (origin && path.isAbsolute(origin)) out.push(path.resolve(origin, '..', 'shared'));
	} catch {
		// Not a git checkout, or no origin: only the first place.
	}
	return out;
}

/**
 * A path in the team's shared folder (Discord's OpenAPI spec, the corpus, the seeds, the word-similarity
 * benchmarks). It sits beside the repository (`../shared`), where CI and every checkout here have it; a clone of a
 * local checkout also looks beside its origin, and `SHARED_DIR` points anywhere else.
 */
export function sharedPath(...parts: string[]): string {
	if (!found) {
		const places = candidates();
		found = places.find((dir) => existsSync(dir));
		if (!found) throw new Error(`the shared folder is expected at ${places.join(' or ')}; set SHARED_DIR to where it is`);
	}
	return path.join(found, ...parts);
}
