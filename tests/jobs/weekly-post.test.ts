import { beforeAll, describe, expect, it } from 'vitest';
import { fitReply } from '../../src/core/limits.js';
import type { Curriculum } from '../../src/curriculum/index.js';
import {
	demoCommandLine,
	fitLines,
	inlineCode,
	meetingEvent,
	reminderReply,
	threadName,
	weeklyPostReply,
} from '../../src/jobs/weekly-post.js';
import { testCurriculum } from '../helpers/deps.js';

describe('the weekly post, thread, event and reminder', () => {
	let curriculum: Curriculum;
	beforeAll(async () => {
		curriculum = await testCurriculum();
	});

	it('GIVEN a list longer than the limit THEN whole items are kept and the rest is counted, within the limit', () => {
		const items = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40), 'd'.repeat(40)];
		const more = (n: number) => `…and ${n} more`;
		expect(fitLines(items, 1000, more)).toBe(items.join('\n'));
		const cut = fitLines(items, 100, more);
		expect(cut).toBe(`${items[0]}\n${items[1]}\n…and 2 more`);
		expect(cut.length).toBeLessThanOrEqual(100);
		expect(fitLines(items, 30, more)).toBe('…and 4 more');
		// Exactly the length of all items: nothing is cut.
		expect(fitLines(items, items.join('\n').length, more)).toBe(items.join('\n'));
	});

	it('GIVEN every week THEN its post fits Discord’s limits as built, and its event and reminder fit theirs', () => {
		const meeting = new Date('2026-03-04T12:00:00Z');
		for (const week of curriculum.weeks) {
			const post = weeklyPostReply(week, meeting, 12);
			expect(fitReply(post), `week ${week.number}`).toEqual(post);
			expect(post.embeds![0]!.fields!.every((f) => !f.value.includes('more: `/week'))).toBe(true); // every item fits
			expect(threadName(week).length).toBeLessThanOrEqual(100);
			const event = meetingEvent(week, {
				at: meeting,
				endsAt: new Date(meeting.getTime() + 90 * 60_000),
				channelId: null,
			});
			expect(event.name.length).toBeLessThanOrEqual(100);
			expect(event.description!.length).toBeLessThanOrEqual(1000);
			expect(reminderReply(week, meeting, 'https://discord.com/events/1/2').content!.length).toBeLessThanOrEqual(2000);
		}
	});

	it('GIVEN a demo THEN it becomes a command line in the form the local page and Discord accept', () => {
		expect(demoCommandLine(curriculum.week(1)!.demos[3]!)).toBe('/quiz practice week:1');
		expect(inlineCode('a `b`')).toBe('`` a `b` ``');
	});
});
