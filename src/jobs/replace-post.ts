import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { ChannelPoster } from '../core/poster.js';
import type { LedgerEntry } from '../storage/repositories/schedule-ledger.js';
import { isRefusal } from './run-job.js';

/**
 * Removing a week's post before it is posted again (`/schedule post-now replace:true`), so the week keeps one post, one
 * thread and one event. The thread goes first: it is the step most likely to be refused (it takes Manage Threads),
 * and a refusal there leaves the week exactly as it was.
 */

export type PostPart = 'thread' | 'message' | 'event';

/** What became of one part: deleted now, gone already (deleted by hand), or the post never had it. */
export type PartOutcome = 'deleted' | 'gone' | 'none';

export type Removal = Record<PostPart, PartOutcome>;

/** Discord's answers that mean the part no longer exists, which is what the removal wants. */
const GONE: Record<PostPart, readonly number[]> = {
	thread: [RESTJSONErrorCodes.UnknownChannel],
	message: [RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel],
	event: [RESTJSONErrorCodes.UnknownGuildScheduledEvent],
};

/** A part could not be deleted: the parts before it in `done` were, the rest were not touched. */
export class RemovalFailure extends Error {
	constructor(
		readonly part: PostPart,
		readonly done: Partial<Removal>,
		readonly original: unknown,
	) {
		super(original instanceof Error ? original.message : String(original));
	}
}

/**
 * Deletes the post's thread (with its messages), then its message, then its event. A part already gone counts as
 * removed, so running it again after a failure finishes the job. Throws {@link RemovalFailure} at the first refusal.
 */
export async function removePost(entry: LedgerEntry, guildId: string, poster: ChannelPoster): Promise<Removal> {
	const done: Partial<Removal> = {};
	const steps: [PostPart, string | null, (id: string) => Promise<void>][] = [
		['thread', entry.threadId, (id) => poster.deleteThread(entry.channelId, id)],
		['message', entry.messageId, (id) => poster.deleteMessage(entry.channelId, id)],
		['event', entry.eventId, (id) => poster.deleteScheduledEvent(guildId, id)],
	];
	for (const [part, id, remove] of steps) {
		if (!id) {
			done[part] = 'none';
			continue;
		}
		try {
			await remove(id);
			done[part] = 'deleted';
		} catch (error) {
			const code = isRefusal(error) ? (error as { code: number }).code : undefined;
			if (code !== undefined && GONE[part].includes(code)) done[part] = 'gone';
			else throw new RemovalFailure(part, done, error);
		}
	}
	return done as Removal;
}
