import path from 'node:path';
import { repoRoot } from '../../src/paths.js';

/** A file the tests read from the repository itself: `tests/fixtures/…` (see its README for sources and licences). */
export function fixturePath(...parts: string[]): string {
	return path.join(repoRoot(), 'tests', 'fixtures', ...parts);
}
