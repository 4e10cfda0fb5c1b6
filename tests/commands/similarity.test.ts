import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import similarity from '../../commands/similarity.js';
import { pngSize } from '../../src/charts/index.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/core/deps.js';
import type { Reply } from '../../src/core/reply.js';
import { cosineSimilarity } from '../../src/models/vector-math.js';
import { analogy, cosine, loadWordVectors, neighbors, type WordVectors } from '../../src/models/embeddings/index.js';
import { MAP_STOP_WORDS } from '../../src/demos/similarity/local.js';
import { memoryStore, testDeps } from '../helpers/deps.js';
import { startOpenAiServer, testEmbedding, type OpenAiTestServer } from '../helpers/openai-server.js';
import { runForReply } from '../helpers/run-command.js';

let vectors: WordVectors;
beforeAll(async () => {
	vectors = await loadWordVectors();
}, 120_000);

const word = (text: string) => vectors.find(text)!;
/** The numbers of a "1. prince — 0.7682" list. */
const listed = (text: string) => [...text.matchAll(/^\d+\. \**([^*\s]+)\** — (−?[\d.]+)$/gmu)].map((m) => [m[1], m[2]]);

function imageOf(reply: Reply, index = 0) {
	const file = reply.files![index]!;
	expect(reply.embeds![index]!.image?.url).toBe(`attachment://${file.name}`);
	return pngSize(file.data)!;
}

describe('/similarity with the local word vectors', () => {
	it('GIVEN the command THEN it defers, because loading the vectors can take longer than Discord’s window', () => {
		expect(similarity.defer).toBe(true);
	});

	it('GIVEN two words THEN mode pair shows the cosine with a·b and both norms of the original vectors, and a chart', async () => {
		const reply = await runForReply(similarity, { words: 'king queen' });
		const expected = cosine(vectors, word('king'), word('queen'));
		const embed = reply.embeds![0]!;
		expect(embed.title).toBe(`cos(king, queen) = ${expected.cosine.toFixed(4)}`);
		expect(embed.description).toContain(
			`= ${expected.dot.toFixed(4)} / (${expected.normA.toFixed(4)} × ${expected.normB.toFixed(4)})`,
		);
		// A member can check it: the rounded parts give the rounded cosine.
		const [dot, a, b] = [expected.dot, expected.normA, expected.normB].map((x) => Number(x.toFixed(4)));
		expect((dot! / (a! * b!)).toFixed(4)).toBe(expected.cosine.toFixed(4));
		expect(imageOf(reply)).toEqual({ width: 1100, height: 680 });
	});

	it('GIVEN five words, commas and spaces mixed THEN mode matrix names the most and least similar pairs', async () => {
		const reply = await runForReply(similarity, { words: 'king, queen,man woman ,banana' });
		const embed = reply.embeds![0]!;
		expect(embed.title).toBe('Cosine similarity of 5 words');
		const c = (x: string, y: string) => cosine(vectors, word(x), word(y)).cosine.toFixed(4);
		expect(embed.description).toContain(`Most similar: \`man\` – \`woman\` **${c('man', 'woman')}**`);
		expect(embed.description).toMatch(/Least similar: `\w+` – `banana`/);
		expect(imageOf(reply).width).toBeGreaterThan(0);
	});

	it('GIVEN mode neighbors and two words THEN each gets an embed with the exact top 10 and its own chart', async () => {
		const reply = await runForReply(similarity, { words: 'king frog', mode: 'neighbors' });
		expect(reply.embeds).toHaveLength(2);
		expect(reply.files).toHaveLength(2);
		['king', 'frog'].forEach((w, i) => {
			expect(reply.embeds![i]!.title).toBe(`Nearest to ${w}`);
			const expected = neighbors(vectors, word(w), 10).map((n) => [n.word.text, n.cosine.toFixed(4)]);
			expect(listed(reply.embeds![i]!.description!)).toEqual(expected);
			expect(imageOf(reply, i).width).toBe(1000);
		});
	});

	it('GIVEN one word and no mode THEN its neighbours are listed', async () => {
		const reply = await runForReply(similarity, { words: 'frog' });
		expect(reply.embeds![0]!.title).toBe('Nearest to frog');
	});

	it('GIVEN king - man + woman or man king woman THEN the same five answers, queen first, inputs excluded', async () => {
		const expected = analogy(vectors, word('man'), word('king'), word('woman'), 5).answers.map((n) => [
			n.word.text,
			n.cosine.toFixed(4),
		]);
		expect(expected[0]![0]).toBe('queen');
		const cases = [
			[{ words: 'king - man + woman' }, 'king − man + woman ≈ queen'],
			[{ words: 'man king woman', mode: 'analogy' }, 'king − man + woman ≈ queen'],
			// The sum is the same in any order; the member's order is kept.
			[{ words: 'woman -man +king', mode: 'analogy' }, 'woman − man + king ≈ queen'],
		] as const;
		for (const [options, title] of cases) {
			const reply = await runForReply(similarity, options);
			expect(reply.embeds![0]!.title, options.words).toBe(title);
			expect(listed(reply.embeds![0]!.description!), options.words).toEqual(expected);
			expect(imageOf(reply).width).toBe(1000);
		}
	});

	it('GIVEN mode map THEN the words and their neighbours are projected with TensorFlow.js and the variance is stated', async () => {
		const reply = await runForReply(similarity, { words: 'king frog computer', mode: 'map' });
		const text = reply.embeds![0]!.description!;
		expect(text).toContain('**king**, **frog**, **computer** and their 8 nearest words, 27 in all.');
		const [pc1, pc2] = [...text.matchAll(/PC\d \*\*([\d.]+)%\*\*/g)].map((m) => Number(m[1]));
		expect(pc1).toBeGreaterThan(pc2!);
		expect(pc1! + pc2!).toBeLessThanOrEqual(100);
		expect(text).toMatch(/TensorFlow\.js \((wasm|tensorflow)\)/);
		expect(imageOf(reply)).toEqual({ width: 1200, height: 760 });
	});

	it('GIVEN mode map THEN each word lists exactly the stated number of neighbours: the nearest with a letter, no function word, none drawn twice', async () => {
		const reply = await runForReply(similarity, { words: 'king frog computer', mode: 'map' });
		const text = reply.embeds![0]!.description!;
		const k = Number(/their (\d+) nearest words/.exec(text)![1]);
		expect(text).toContain('Neighbours skip tokens without a letter');
		const drawn = new Set(['king', 'frog', 'computer']);
		for (const q of ['king', 'frog', 'computer']) {
			const listedWords = new RegExp(`^\\*\\*${q}\\*\\*: (.*)$`, 'm').exec(text)![1]!.split(', ');
			// The reference: walk the exact neighbour list, skipping what the rule skips and what an earlier word drew.
			const expected = neighbors(vectors, word(q), 200)
				.map((n) => n.word.text)
				.filter((w) => /\p{L}/u.test(w) && !MAP_STOP_WORDS.has(w) && !drawn.has(w))
				.slice(0, k);
			expect(listedWords, q).toEqual(expected);
			for (const w of expected) drawn.add(w);
		}
		expect(text).toContain(`${drawn.size} in all.`);
	});

	it('GIVEN misspelled words THEN each is named with close spellings that are in the vocabulary', async () => {
		await expect(runForReply(similarity, { words: 'kingg queeen' })).rejects.toMatchObject({
			code: 'similarity.unknown-word',
			message: expect.stringMatching(
				/^`kingg` is not in the vocabulary\. Did you mean `king`.*\n`queeen` is not in the vocabulary\. Did you mean `queen`/,
			),
		});
	});

	it('GIVEN a word with no close spelling THEN the message says so', async () => {
		await expect(runForReply(similarity, { words: 'ᚠᚢᚦ king' })).rejects.toThrow(
			'`ᚠᚢᚦ` is not in the vocabulary, and no word in it is spelled close to it.',
		);
	});

	it('GIVEN a Korean word THEN the reply says why the vectors have none (learnt from English text) and which demos read Korean', async () => {
		// The claim "no Korean words" is checked against the vocabulary itself, not taken on trust.
		const hangul = Array.from({ length: vectors.count }, (_, i) => vectors.text(i)).filter((w) =>
			/\p{Script=Hangul}/u.test(w),
		);
		expect(hangul).toEqual([]);
		const error = await runForReply(similarity, { words: '김치 kimchi qzxjv' }).catch((e: Error) => e);
		const message = (error as Error).message;
		expect(message).toContain('`qzxjv` is not in the vocabulary');
		expect(message).toContain(
			`\`김치\`: the word vectors have no Korean words. They are GloVe vectors learnt from English text (Wikipedia and Gigaword news), ${vectors.count.toLocaleString('en-US')} lowercase English words`,
		);
		// No spelling guesses for Korean: the nearest spellings of 김치 in an English vocabulary would mislead.
		expect(message).not.toContain('`김치` is not in the vocabulary');
		expect(message).toContain('`/tokenize`');
		expect(message).toContain('once the bot’s operator sets up the AI tutor');
	});

	it.each([
		[
			{ words: 'king queen prince', mode: 'pair' },
			'`mode:pair` takes exactly 2 words; you gave 3. Use `mode:matrix` to compare more.',
		],
		[{ words: 'a b c d e f g h i j k l m', mode: 'matrix' }, '`mode:matrix` takes at most 12 words; you gave 13.'],
		[{ words: 'a b c d', mode: 'neighbors' }, '`mode:neighbors` takes at most 3 words; you gave 4.'],
		[{ words: 'a b c d e f', mode: 'map' }, '`mode:map` takes at most 5 words; you gave 6.'],
		[{ words: 'king queen', mode: 'analogy' }, '`mode:analogy` takes exactly 3 words; you gave 2.'],
		[{ words: 'king - man' }, 'An analogy adds two words and subtracts one'],
		[{ words: 'king - man + woman', mode: 'matrix' }, 'use `mode:analogy`'],
	])('GIVEN %j THEN the limit is stated', async (options, message) => {
		await expect(runForReply(similarity, options)).rejects.toThrow(message);
	});
});

describe('/similarity engine:openai', () => {
	it('GIVEN no OPENAI_API_KEY THEN the member is told how the operator enables it, and that engine:local works', async () => {
		await expect(runForReply(similarity, { words: 'a cat | a dog', engine: 'openai' })).rejects.toMatchObject({
			code: 'similarity.openai-not-configured',
			message: expect.stringMatching(/not set up on this bot. Ask an organizer.*`engine:local` \(the default\)/s),
		});
	});

	describe('with a model server', () => {
		let server: OpenAiTestServer;
		let deps: Deps;
		beforeAll(async () => {
			server = await startOpenAiServer();
			const config = loadConfig({
				NODE_ENV: 'test',
				OPENAI_API_KEY: server.apiKey,
				OPENAI_BASE_URL: server.url,
				LLM_DAILY_QUOTA: '5',
			});
			deps = testDeps({ config, store: await memoryStore() });
		});
		afterAll(() => server?.close());

		it('GIVEN two sentences split by | THEN pair shows their embeddings’ cosine, norms and dot product', async () => {
			const texts = ['The cat sat on the mat.', 'A cat was sitting on a rug.'];
			const reply = await runForReply(similarity, { words: texts.join(' | '), engine: 'openai' }, { deps });
			const [a, b] = texts.map(testEmbedding) as [number[], number[]];
			const expected = cosineSimilarity(a, b);
			const embed = reply.embeds![0]!;
			expect(embed.title).toBe(`cos(T1, T2) = ${expected.toFixed(4)}`);
			expect(embed.description).toContain('**T1** `The cat sat on the mat.`');
			expect(embed.footer?.text).toBe(
				'text-embedding-3-small (embedding model), 48 dimensions · 4 of 5 tutor requests left today',
			);
			expect(imageOf(reply).width).toBe(1100);
		});

		it('GIVEN a Korean word with engine:local THEN the explanation offers engine:openai, which this bot has', async () => {
			await expect(runForReply(similarity, { words: '김치 라면' }, { deps })).rejects.toThrow(
				'To compare Korean words or sentences by meaning, use `engine:openai`: an embedding model that reads Korean.',
			);
			const korean = await runForReply(similarity, { words: '김치 라면' }, { deps, locale: 'ko' }).catch(
				(e: Error) => e.message,
			);
			expect(korean).toContain('`김치`, `라면`: 이 단어 벡터에는 한국어 단어가 하나도 없습니다.');
			expect(korean).toContain('`engine:openai`를 쓰세요');
		});

		it('GIVEN four short texts split by commas THEN matrix shows every pair from the embedding model', async () => {
			const texts = ['cat', 'cats', 'dog', 'stock market'];
			const reply = await runForReply(similarity, { words: texts.join(', '), engine: 'openai' }, { deps });
			const vectors = texts.map(testEmbedding);
			const pairs = texts
				.flatMap((_, i) => texts.map((_, j) => ({ i, j, c: cosineSimilarity(vectors[i]!, vectors[j]!) })))
				.filter((p) => p.j > p.i);
			const most = pairs.sort((x, y) => y.c - x.c)[0]!;
			expect(reply.embeds![0]!.title).toBe('Cosine similarity of 4 texts');
			expect(reply.embeds![0]!.description).toContain(
				`Most similar: \`${texts[most.i]}\` – \`${texts[most.j]}\` **${most.c.toFixed(4)}**`,
			);
			expect(imageOf(reply).width).toBeGreaterThan(0);
		});

		it('GIVEN mode neighbors THEN it is refused before any request: only the local vectors have a vocabulary', async () => {
			const before = server.requests.length;
			await expect(
				runForReply(similarity, { words: 'cat', mode: 'neighbors', engine: 'openai' }, { deps }),
			).rejects.toThrow('`engine:openai` compares texts (`mode:pair` or `mode:matrix`)');
			expect(server.requests.length).toBe(before);
		});

		it('GIVEN the model server fails THEN the member gets its message and the request is refunded', async () => {
			const before = (await deps.llm.quota('100000000000000001')).used;
			server.failNext({ kind: 'status', status: 500, route: 'embeddings' }, 10);
			await expect(runForReply(similarity, { words: 'a | b', engine: 'openai' }, { deps })).rejects.toMatchObject({
				code: 'llm.server-error',
			});
			expect((await deps.llm.quota('100000000000000001')).used).toBe(before);
			server.reset();
		});
	});
});
