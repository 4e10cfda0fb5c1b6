import type { ChannelPoster, PostCheck, ScheduledEventInput } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';

type Operation = 'send' | 'startThread' | 'createScheduledEvent';

/** A network failure: no Discord error code, so the request may or may not have been applied. */
export class NetworkError extends Error {
	override readonly name = 'NetworkError';
}

/**
 * Wraps a poster (the LocalWorkspace's, which behaves as Discord's REST API does: nonce window, thread rules, future
 * events) and injects failures: `before` fails without reaching Discord, `after` lets Discord apply the request and
 * then loses the answer (a time-out or a crash), the case the ledger and the nonce exist for.
 */
export class FlakyPoster implements ChannelPoster {
	private readonly faults: { op: Operation; when: 'before' | 'after'; error: Error }[] = [];
	readonly calls: { op: Operation; channelId: string; nonce?: string }[] = [];

	constructor(private readonly inner: ChannelPoster) {}

	failNext(op: Operation, when: 'before' | 'after', error: Error = new NetworkError('socket hang up')): void {
		this.faults.push({ op, when, error });
	}

	private async run<T>(op: Operation, channelId: string, call: () => Promise<T>, nonce?: string): Promise<T> {
		this.calls.push({ op, channelId, ...(nonce ? { nonce } : {}) });
		const index = this.faults.findIndex((f) => f.op === op);
		const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
		if (fault?.when === 'before') throw fault.error;
		const result = await call();
		if (fault?.when === 'after') throw fault.error;
		return result;
	}

	send(channelId: string, reply: Reply, options: { nonce?: string } = {}) {
		return this.run('send', channelId, () => this.inner.send(channelId, reply, options), options.nonce);
	}
	edit(channelId: string, messageId: string, reply: Reply) {
		return this.inner.edit(channelId, messageId, reply);
	}
	startThread(channelId: string, messageId: string, name: string) {
		return this.run('startThread', channelId, () => this.inner.startThread(channelId, messageId, name));
	}
	createScheduledEvent(guildId: string, event: ScheduledEventInput) {
		return this.run('createScheduledEvent', guildId, () => this.inner.createScheduledEvent(guildId, event));
	}
	deleteMessage(channelId: string, messageId: string) {
		return this.inner.deleteMessage(channelId, messageId);
	}
	deleteThread(parentId: string, threadId: string) {
		return this.inner.deleteThread(parentId, threadId);
	}
	deleteScheduledEvent(guildId: string, eventId: string) {
		return this.inner.deleteScheduledEvent(guildId, eventId);
	}
	canPost(channelId: string): Promise<PostCheck> {
		return this.inner.canPost(channelId);
	}
}
