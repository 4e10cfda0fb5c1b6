import { AsyncLocalStorage } from 'node:async_hooks';
import type { Reply } from '../core/reply.js';
import { t } from '../i18n/index.js';
import type { QueueWait } from './lanes.js';

/** Below this expected wait the "thinking…" Discord already shows is enough. */
const TELL_FROM_MS = 1500;

/**
 * A `Requester.onQueued` that shows a waiting member their place in line in the reply (the answer replaces it), so
 * that a long queue in a meeting is never a silent wait. The notice is fire-and-forget: the answer does not wait on it.
 */
export function queueNotice(update: (reply: Reply) => Promise<void>, command: string): (wait: QueueWait) => void {
	return ({ ahead, expectedMs, started }) => {
		if (expectedMs !== undefined && expectedMs < TELL_FROM_MS) return;
		const show = (content: string) => void update({ content }).catch(() => undefined);
		if (expectedMs !== undefined) {
			show(t('core.queued.wait', { command, count: ahead, seconds: Math.max(1, Math.round(expectedMs / 1000)) }));
			return;
		}
		// No run time known yet (the lane's first runs): told only if the wait turns out long.
		const content = t('core.queued.noEstimate', { command, count: ahead });
		const timer = setTimeout(() => show(content), TELL_FROM_MS);
		timer.unref();
		void started.then(() => clearTimeout(timer));
	};
}

type Notice = (wait: QueueWait) => void;

/*
 * The notice of the slash command being answered, carried by async context like its language (i18n/language.ts): the
 * dispatcher sets it once per command, and the compute pool uses it for any task that has to wait, so no command has
 * to pass it down by hand.
 */
const current = new AsyncLocalStorage<Notice>();

/** Runs `fn` with `notice` told of any compute task it has to wait for (also across awaits). */
export function withQueueNotice<R>(notice: Notice, fn: () => R): R {
	return current.run(notice, fn);
}

/** The notice set by {@link withQueueNotice}, if any. */
export function currentQueueNotice(): Notice | undefined {
	return current.getStore();
}
