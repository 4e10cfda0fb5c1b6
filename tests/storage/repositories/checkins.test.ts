import { describe, expect, it } from 'vitest';
import { repositoriesFor, STORE_KINDS } from '../../helpers/stores.js';
import { G1, G2, user } from './quiz-fixtures.js';

describe.each(STORE_KINDS)('CheckInRepository on %s', (kind) => {
	const suite = repositoriesFor(kind);

	it('GIVEN 30 simultaneous check-ins (some repeated) THEN each member is checked in once and the meeting lists each once', async () => {
		const entry = (i: number) => ({
			guildId: G1,
			userId: user(i),
			meetingId: '2026-03-04',
			week: 5,
			meetingStartsAt: '2026-03-04T12:00:00.000Z',
			at: '2026-03-04T12:05:00.000Z',
		});
		const results = await Promise.all(
			Array.from({ length: 45 }, (_, k) => suite.repos.checkIns.checkIn(entry(k % 30))),
		);
		expect(results.filter((r) => r.recorded)).toHaveLength(30);
		const [meeting] = await suite.repos.checkIns.meetings(G1);
		expect(meeting!.attendeeIds).toHaveLength(30);
		expect(new Set(meeting!.attendeeIds).size).toBe(30);
		expect(await suite.repos.checkIns.meetings(G2)).toEqual([]);
		await suite.repos.checkIns.checkIn({
			...entry(1),
			meetingId: '2026-02-25',
			meetingStartsAt: '2026-02-25T12:00:00.000Z',
		});
		expect((await suite.repos.checkIns.meetings(G1)).map((m) => m.meetingId)).toEqual(['2026-02-25', '2026-03-04']);
	});
});
