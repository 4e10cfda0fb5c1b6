import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import similarity from '../../commands/similarity.js';
import tokenize from '../../commands/tokenize.js';
import { repoRoot } from '../../src/paths.js';
import { pngSize } from '../../src/charts/index.js';
import { runForReply } from '../helpers/run-command.js';

// The README's example charts, drawn by the commands themselves. Only when asked:
// `WRITE_DEMO_EXAMPLES=1 npx vitest run tests/demos/docs-examples.test.ts` writes them into docs/.
const write = process.env.WRITE_DEMO_EXAMPLES === '1';

const examples = [
	[
		'tokenize.png',
		tokenize,
		{ text: 'Hello 안녕하세요 🙂 LLM 스터디!\n\tdef square(x): return x ** 2', encoding: 'compare', show: 'bytes' },
	],
	[
		'tokenize-families.png',
		tokenize,
		{
			text: '안녕하세요! 이번 주 LLM 스터디에서는 토크나이저를 비교합니다. def f(x): return x * 2 🙂',
			encoding: 'all',
		},
	],
	[
		'tokenize-compare-families.png',
		tokenize,
		{ text: '안녕하세요! LLM 스터디 🙂', encoding: 'compare', families: 'gpt-4o llama-3 gemma-3 claude' },
	],
	['tokenize-chat.png', tokenize, { text: '토큰이 뭐예요? What is a token?', show: 'chat' }],
	['similarity-pair.png', similarity, { words: 'king queen' }],
	['similarity-matrix.png', similarity, { words: 'king queen man woman apple banana computer' }],
	['similarity-neighbors.png', similarity, { words: 'frog', mode: 'neighbors' }],
	['similarity-map.png', similarity, { words: 'king frog computer', mode: 'map' }],
	['similarity-analogy.png', similarity, { words: 'king - man + woman' }],
] as const;

describe.runIf(write)('README example charts', () => {
	it.each(examples)(
		'GIVEN the command THEN docs/%s is its chart',
		async (file, command, options) => {
			const reply = await runForReply(command, options);
			const png = reply.files![0]!.data;
			expect(pngSize(png)).not.toBeNull();
			writeFileSync(path.join(repoRoot(), 'docs', file), png);
		},
		60_000,
	);
});
