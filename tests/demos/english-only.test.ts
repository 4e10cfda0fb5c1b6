import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishOnlyNote } from '../../src/demos/english-only.js';
import { withLanguage } from '../../src/i18n/index.js';
import { parseTiktokenFile } from '../../src/models/tokenizers/bpe.js';
import { repoRoot } from '../../src/models/transformer/paths.js';
import { englishProblem, koreanProblem } from '../helpers/readable-text.js';

const MODEL_DIR = path.join(repoRoot(), 'assets/models/tiny-gpt');

describe('englishOnlyNote', () => {
	it('GIVEN the shipped tokenizer and corpus THEN what the note claims holds: no Korean in training, no merged non-ASCII byte', () => {
		// The note says a Korean character's UTF-8 bytes are one token each: true when no token of two or more bytes
		// holds a byte ≥ 0x80 (every single byte is a token of a byte-level BPE).
		const ranks = parseTiktokenFile(readFileSync(path.join(MODEL_DIR, 'tokenizer.tiktoken'), 'utf8'));
		const tokens = [...ranks.keys()].map((latin1) => Buffer.from(latin1, 'latin1'));
		expect(tokens.filter((b) => b.length === 1)).toHaveLength(256);
		expect(tokens.filter((b) => b.length > 1 && b.some((x) => x >= 0x80))).toEqual([]);
		// …and that the training text has not one Korean character.
		for (const file of ['tinyshakespeare.txt', 'warpeace_clean.txt']) {
			const text = readFileSync(path.join(repoRoot(), 'assets/corpus', file), 'utf8');
			expect(text.match(/\p{Script=Hangul}/u)).toBeNull();
		}
		expect(readFileSync(path.join(MODEL_DIR, 'README.md'), 'utf8')).toContain('training is the rest: 1,200,285 tokens');
	});

	it('GIVEN Korean text THEN the note counts its tokens and its Korean bytes, in the member’s language', () => {
		const text = 'Hello 안녕하세요';
		const en = withLanguage('en', () => englishOnlyNote(text, 17, 'sample', false));
		expect(en).toContain('your text became **17 tokens**');
		expect(en).toContain('its 5 Korean characters alone are 15 of them');
		expect(en).toContain('`/tokenize encoding:all`');
		expect(en).not.toContain('engine:openai');
		expect(englishProblem({ content: en })).toBeNull();
		const ko = withLanguage('ko', () => englishOnlyNote(text, 17, 'layers', true));
		expect(ko).toContain('**토큰 17개**');
		expect(ko).toContain('한글 5자만 해도');
		expect(ko).toContain('15개');
		expect(ko).toContain('`/sample engine:openai`');
		expect(koreanProblem({ content: ko })).toBeNull();
	});

	it('GIVEN text without Korean THEN there is no note', () => {
		expect(englishOnlyNote('To be, or not to be: café', 9, 'sample', true)).toBe('');
	});
});
