import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Reply } from '../../src/core/reply.js';
import type { Responder } from '../../src/core/respond.js';

export type Op =
	| { op: 'defer'; ephemeral: boolean; at: number }
	| { op: 'deferUpdate'; at: number }
	| { op: 'reply' | 'update' | 'editOriginal' | 'followUp'; reply: Reply; at: number }
	| { op: 'deleteOriginal'; at: number }
	| { op: 'showModal'; modal: APIModalInteractionResponseCallbackData; at: number };

/** A Responder that records what it was asked to do, with the time since it was created. */
export class MemoryResponder implements Responder {
	readonly ops: Op[] = [];
	private readonly start = Date.now();
	/** Make the next call of an operation fail once (to test error paths). */
	failNext: Partial<Record<Op['op'], Error>> = {};

	private record(op: Op): Promise<void> {
		const failure = this.failNext[op.op];
		if (failure) {
			delete this.failNext[op.op];
			return Promise.reject(failure);
		}
		this.ops.push(op);
		return Promise.resolve();
	}
	private get at(): number {
		return Date.now() - this.start;
	}
	defer(ephemeral: boolean) {
		return this.record({ op: 'defer', ephemeral, at: this.at });
	}
	deferUpdate() {
		return this.record({ op: 'deferUpdate', at: this.at });
	}
	reply(reply: Reply) {
		return this.record({ op: 'reply', reply, at: this.at });
	}
	update(reply: Reply) {
		return this.record({ op: 'update', reply, at: this.at });
	}
	editOriginal(reply: Reply) {
		return this.record({ op: 'editOriginal', reply, at: this.at });
	}
	deleteOriginal() {
		return this.record({ op: 'deleteOriginal', at: this.at });
	}
	followUp(reply: Reply) {
		return this.record({ op: 'followUp', reply, at: this.at });
	}
	showModal(modal: APIModalInteractionResponseCallbackData) {
		return this.record({ op: 'showModal', modal, at: this.at });
	}
	/** The operation names in order, for compact assertions. */
	get names(): string[] {
		return this.ops.map((o) => (o.op === 'defer' ? `defer${o.ephemeral ? '-ephemeral' : ''}` : o.op));
	}
}
