import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fromRoot, repoRoot } from '../paths.js';

/** The built-in curriculum shipped with the bot: `<repository root>/curriculum` (found from `src/` and `dist/src/`). */
export function builtinCurriculumDir(): string {
	return fromRoot('curriculum');
}

/**
 * The directories to load, in order: the built-in curriculum, then the organizer's `CURRICULUM_DIR` when set
 * (relative paths are taken from the working directory, as a shell user expects).
 */
export function curriculumDirs(config: { CURRICULUM_DIR?: string | undefined }): string[] {
	const dirs = [builtinCurriculumDir()];
	if (config.CURRICULUM_DIR) dirs.push(resolve(config.CURRICULUM_DIR));
	return dirs;
}

/** A path as problems show it: relative to the repository root when inside it, else absolute. */
export function displayPath(path: string, root: string = repoRoot()): string {
	const rel = relative(root, path);
	if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
	return rel.split(sep).join('/');
}
