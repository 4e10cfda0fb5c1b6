import { copyFileSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	ensureVectorFile,
	isVectorFileCurrent,
	readVectorIndex,
	VECTOR_PATHS,
	WordVectors,
} from '../../../src/models/embeddings/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A checkout with the converter and a tiny package JSON in place of the real one, and no binary yet. */
function freshCheckout(words: string[]): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'fresh-clone-'));
	mkdirSync(path.join(dir, 'scripts'));
	for (const file of ['convert-vectors.mjs', 'convert-vectors.scanner.mjs']) {
		copyFileSync(path.join(root, 'scripts', file), path.join(dir, 'scripts', file));
	}
	const source = path.join(dir, VECTOR_PATHS.source);
	mkdirSync(path.dirname(source), { recursive: true });
	const vectors = Object.fromEntries(words.map((w, i) => [w, [i + 1, -i, 0.5, Math.hypot(i + 1, i, 0.5), i]]));
	writeFileSync(
		source,
		JSON.stringify({ l2NormIndex: 3, wordIndex: 4, size: words.length, dimensions: 3, words, vectors }),
	);
	return dir;
}

describe('ensureVectorFile', () => {
	it('GIVEN a checkout without the binary THEN it converts the package JSON in a child process, once', async () => {
		const dir = freshCheckout(['alpha', 'beta', 'gamma']);
		const binary = path.join(dir, VECTOR_PATHS.binary);
		const source = path.join(dir, VECTOR_PATHS.source);
		expect(isVectorFileCurrent(binary, source)).toBe(false);
		expect(await ensureVectorFile(dir)).toBe(binary);
		expect(isVectorFileCurrent(binary, source)).toBe(true);
		const store = new WordVectors(readVectorIndex(binary));
		expect(store.find('Gamma')).toEqual({ text: 'gamma', index: 2 });
		expect([...store.vector(2)]).toEqual([3, -2, 0.5]);
		store.close();

		// Current: not converted again.
		const written = statSync(binary).mtimeMs;
		await ensureVectorFile(dir);
		expect(statSync(binary).mtimeMs).toBe(written);

		// The package changed (another size): converted again.
		writeFileSync(
			source,
			JSON.stringify({
				l2NormIndex: 3,
				wordIndex: 4,
				size: 1,
				dimensions: 3,
				words: ['delta'],
				vectors: { delta: [1, 2, 2, 3, 0] },
			}),
		);
		expect(isVectorFileCurrent(binary, source)).toBe(false);
		await ensureVectorFile(dir);
		const updated = new WordVectors(readVectorIndex(binary));
		expect(updated.count).toBe(1);
		expect(updated.norm(0)).toBe(3);
	}, 60_000);
});
