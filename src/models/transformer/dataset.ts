import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BytePairEncoding } from '../tokenizers/bpe.js';
import { joinWithSeparator, splitDocuments, type CorpusDocument, type DocumentSplit } from './corpus.js';
import { END_OF_TEXT } from './tokenizer.js';

/** The training texts in `assets/corpus/` (sources in its README). */
export const CORPUS_FILES = ['tinyshakespeare.txt', 'warpeace_clean.txt'] as const;

/** Fraction of each document held out, as its contiguous tail, for validation. */
export const VALIDATION_FRACTION = 0.05;

/** Reads the corpus and splits each document into its training head and validation tail. */
export async function readCorpusSplits(corpusDir: string): Promise<DocumentSplit[]> {
	const docs: CorpusDocument[] = [];
	for (const file of CORPUS_FILES) docs.push({ name: file, text: await readFile(path.join(corpusDir, file), 'utf8') });
	return splitDocuments(docs, VALIDATION_FRACTION);
}

/** Token streams for training (documents joined by end-of-text) and validation (one array per document). */
export interface TokenizedSplits {
	train: Int32Array;
	validation: Int32Array[];
	/** UTF-8 bytes of each validation text. */
	validationBytes: number[];
}

export function tokenizeSplits(encoding: BytePairEncoding, splits: readonly DocumentSplit[]): TokenizedSplits {
	const eot = encoding.encode(END_OF_TEXT, { allowedSpecial: [END_OF_TEXT] })[0] as number;
	return {
		train: joinWithSeparator(
			splits.map((s) => encoding.encode(s.train)),
			eot,
		),
		validation: splits.map((s) => Int32Array.from(encoding.encode(s.validation))),
		validationBytes: splits.map((s) => Buffer.byteLength(s.validation, 'utf8')),
	};
}
