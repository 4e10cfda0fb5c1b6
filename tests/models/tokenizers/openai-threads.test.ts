import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadEncoding, shareEncodings, type SharedEncoding } from '../../../src/models/tokenizers/index.js';
import { cases, korean } from './samples.js';

const texts = [
	korean,
	'GPT-4o는 한국어를 GPT-2보다 적은 토큰으로 나눕니다 🙂👩‍👩‍👧‍👦',
	'a\ud800b',
	...Object.values(cases).flat(),
];

interface ThreadReport {
	name: string;
	ids: number[][];
	decoded: string[];
	/** Whether the thread's encoding is still over the very data it was given (no copy built there). */
	adopted: boolean;
	shared: boolean;
}

/**
 * A fresh worker thread (TypeScript through tsx's ESM hooks, as the pool's workers get them) that adopts `encodings`
 * and encodes `texts` with each.
 */
function encodeInThread(encodings: SharedEncoding[]): Promise<ThreadReport[]> {
	const code = `
		const { parentPort, workerData } = require('node:worker_threads');
		(async () => {
			(await import('tsx/esm/api')).register();
			const t = await import(workerData.module);
			t.adoptEncodings(workerData.encodings);
			const out = [];
			for (const given of workerData.encodings) {
				const encoding = await t.loadEncoding(given.name);
				const ids = workerData.texts.map((text) => encoding.encode(text));
				out.push({
					name: given.name,
					ids,
					decoded: ids.map((one) => encoding.decode(one)),
					adopted: (await t.shareEncoding(given.name)) === given,
					shared: given.ranks.bytes.buffer instanceof SharedArrayBuffer,
				});
			}
			parentPort.postMessage(out);
		})();
	`;
	const module = new URL('../../../src/models/tokenizers/index.ts', import.meta.url).href;
	const worker = new Worker(code, { eval: true, workerData: { module, encodings, texts } });
	return new Promise((resolve, reject) => {
		worker.once('message', (report: ThreadReport[]) => {
			resolve(report);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the thread exited (${code}) before reporting`)));
	});
}

describe('OpenAI encodings shared with a worker thread', () => {
	it('GIVEN a thread that adopts this thread’s encodings THEN it encodes and decodes with them, ids unchanged', async () => {
		const encodings = await shareEncodings();
		const report = await encodeInThread(encodings);
		expect(report.map((r) => r.name)).toEqual(['r50k_base', 'cl100k_base', 'o200k_base']);
		for (const thread of report) {
			const here = await loadEncoding(thread.name as SharedEncoding['name']);
			expect(thread.adopted, thread.name).toBe(true);
			expect(thread.shared, thread.name).toBe(true);
			expect(thread.ids, thread.name).toEqual(texts.map((text) => here.encode(text)));
			expect(thread.decoded, thread.name).toEqual(texts.map((text) => here.decode(here.encode(text))));
		}
	}, 60_000);
});
