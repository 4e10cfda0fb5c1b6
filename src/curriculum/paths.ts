import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest directory at or above `from` holding a package.json. Walking up (rather than
 * a fixed `../..`) finds the same root from `src/curriculum/` under tsx and from `dist/src/curriculum/` after tsc.
 */
export function repositoryRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
	let dir = resolve(from);
	for (;;) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`no package.json at or above ${from}`);
		dir = parent;
	}
}

/** The built-in curriculum shipped with the bot: `<repository root>/curriculum`. */
export function builtinCurriculumDir(): string {
	return join(repositoryRoot(), 'curriculum');
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
export function displayPath(path: string, root: string = repositoryRoot()): string {
	const rel = relative(root, path);
	if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
	return rel.split(sep).join('/');
}
