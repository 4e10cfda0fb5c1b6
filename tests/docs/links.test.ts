import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

const root = repoRoot();

/** The repository's own Markdown pages a newcomer reads: the README, docs/ and the curriculum's and assets' READMEs. */
function pages(): string[] {
	const docs = readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.md'))
		.map((f) => path.join('docs', f));
	return ['README.md', 'curriculum/README.md', ...docs];
}

/** Relative link targets in Markdown (`[text](target)` and `![alt](target)`), without their #fragment. */
function relativeLinks(markdown: string): string[] {
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
		.map((m) => m[1]!)
		.filter((target) => !/^(https?:|mailto:|#)/.test(target))
		.map((target) => decodeURI(target.split('#')[0]!));
}

describe('the documentation', () => {
	it('GIVEN the README THEN a newcomer reads it in minutes: at most 250 lines', () => {
		const lines = readFileSync(path.join(root, 'README.md'), 'utf8').split('\n').length;
		expect(lines).toBeLessThanOrEqual(250);
	});

	it.each(pages())('GIVEN %s THEN every relative link resolves to a file in the repository', (page) => {
		const text = readFileSync(path.join(root, page), 'utf8');
		const missing = relativeLinks(text).filter((target) => !existsSync(path.resolve(root, path.dirname(page), target)));
		expect(missing).toEqual([]);
	});
});
