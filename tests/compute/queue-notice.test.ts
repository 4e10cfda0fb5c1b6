import { describe, expect, it, vi } from 'vitest';
import { currentQueueNotice, queueNotice, withQueueNotice } from '../../src/compute/queue-notice.js';
import type { Reply } from '../../src/core/reply.js';
import { withLanguage } from '../../src/i18n/index.js';

/** A task that never gets its slot (the notice is all that matters here). */
const never = new Promise<void>(() => undefined);

function recorder() {
	const shown: Reply[] = [];
	return { shown, update: async (reply: Reply) => void shown.push(reply) };
}

describe('queueNotice', () => {
	it('GIVEN a wait of about 7 s behind 12 runs THEN the member sees their place and the wait, and not to resend', async () => {
		const { shown, update } = recorder();
		queueNotice(update, '/sample')({ ahead: 12, expectedMs: 6_600, started: never });
		await Promise.resolve();
		expect(shown).toEqual([
			{
				content:
					'⏳ Your /sample is in line behind 12 other runs: about 7 s. It starts by itself, no need to send it again.',
			},
		]);
	});

	it('GIVEN one run ahead and a Korean member THEN the notice is in Korean', async () => {
		const { shown, update } = recorder();
		withLanguage('ko', () => queueNotice(update, '/sample')({ ahead: 1, expectedMs: 2_000, started: never }));
		await Promise.resolve();
		expect(shown[0]!.content).toBe(
			'⏳ /sample 요청이 앞선 실행 1개 뒤에서 기다리고 있습니다. 약 2초 걸립니다. 차례가 되면 저절로 시작되니 다시 보내지 않아도 됩니다.',
		);
	});

	it('GIVEN a short expected wait THEN nothing is shown (Discord already shows "thinking…")', async () => {
		const { shown, update } = recorder();
		queueNotice(update, '/ffn')({ ahead: 1, expectedMs: 400, started: never });
		await Promise.resolve();
		expect(shown).toEqual([]);
	});

	it('GIVEN no run time known yet and a wait past 1.5 s THEN the place is shown then, without a time', async () => {
		vi.useFakeTimers();
		try {
			const { shown, update } = recorder();
			queueNotice(update, '/sample')({ ahead: 1, started: never });
			await vi.advanceTimersByTimeAsync(1_400);
			expect(shown).toEqual([]);
			await vi.advanceTimersByTimeAsync(200);
			expect(shown[0]!.content).toBe(
				'⏳ Your /sample is in line behind 1 other run. It starts by itself, no need to send it again.',
			);
		} finally {
			vi.useRealTimers();
		}
	});

	it('GIVEN no run time known yet and the task starting within 1.5 s THEN nothing is shown', async () => {
		vi.useFakeTimers();
		try {
			const { shown, update } = recorder();
			queueNotice(update, '/sample')({ ahead: 1, started: Promise.resolve() });
			await vi.advanceTimersByTimeAsync(2_000);
			expect(shown).toEqual([]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('GIVEN an update that fails THEN the notice swallows it (the answer must not wait on it)', async () => {
		const notice = queueNotice(() => Promise.reject(new Error('gone')), '/sample');
		expect(() => notice({ ahead: 3, expectedMs: 5_000, started: never })).not.toThrow();
		await new Promise((r) => setImmediate(r));
	});

	it('GIVEN a notice set for a command THEN code it awaits finds it, and code outside does not', async () => {
		const notice = () => undefined;
		await withQueueNotice(notice, async () => {
			await Promise.resolve();
			expect(currentQueueNotice()).toBe(notice);
		});
		expect(currentQueueNotice()).toBeUndefined();
	});
});
