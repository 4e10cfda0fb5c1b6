import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { UserError } from '../core/errors.js';
import type { ChannelPoster } from '../core/poster.js';
import { t } from '../i18n/index.js';
import type { LedgerEntry, ScheduleLedgerRepository } from '../storage/repositories/schedule-ledger.js';
import { eventUrl, messageUrl } from './post-links.js';
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

/** `the thread <#…> (with its messages)` and the like, for what a removal did to each part. */
function removalLines(entry: LedgerEntry, guildId: string, removal: Partial<Removal>): string[] {
	const values = (part: PostPart) => ({
		thread: entry.threadId,
		url:
			part === 'message'
				? messageUrl(guildId, entry.channelId, entry.messageId!)
				: entry.eventId
					? eventUrl(guildId, entry.eventId)
					: '',
	});
	return (['message', 'thread', 'event'] as const).flatMap((part) => {
		const outcome = removal[part];
		if (outcome === 'deleted') return [t(`repost.removed.deleted.${part}`, values(part))];
		if (outcome === 'gone') return [t(`repost.removed.gone.${part}`, values(part))];
		return [];
	});
}

/**
 * The week's earlier post removed and marked in the ledger as replaced by the post `id` about to go out. Returns the
 * reply's lines for what was removed; a refused part stops it with a UserError saying what was already deleted.
 */
export async function replaceWeekPost(
	existing: LedgerEntry,
	{ guildId, week, id, now }: { guildId: string; week: number; id: string; now: Date },
	poster: ChannelPoster,
	ledger: ScheduleLedgerRepository,
): Promise<string[]> {
	let removal: Removal;
	try {
		removal = await removePost(existing, guildId, poster);
	} catch (error) {
		if (!(error instanceof RemovalFailure)) throw error;
		const done = removalLines(existing, guildId, error.done);
		throw new UserError(
			[
				t(`repost.replaceFailed.couldNotDelete.${error.part}`, { week, error: error.message }),
				...(done.length > 0
					? [t('repost.replaceFailed.alreadyDone'), ...done]
					: [t('repost.replaceFailed.nothingDeleted')]),
				error.part === 'thread' ? t('repost.replaceFailed.threadPermission') : t('repost.replaceFailed.byHand'),
			].join('\n'),
			'schedule.replace-failed',
		);
	}
	const removed = removalLines(existing, guildId, removal);
	await ledger.update(guildId, existing.jobId, (current) => ({
		...(current ?? existing),
		replacedBy: id,
		replacedAt: now.toISOString(),
	}));
	return removed;
}
