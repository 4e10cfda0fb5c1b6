import { PermissionFlagsBits, type APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import type { Actor } from '../../src/core/actor.js';
import type { Deps } from '../../src/core/deps.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import type { InteractionBase, MessageRef } from '../../src/core/interaction.js';
import type { Reply } from '../../src/core/reply.js';
import { createRegistry } from '../../src/core/registry.js';
import type { RespondOutcome } from '../../src/core/respond.js';
import type { Store } from '../../src/storage/store.js';
import type { Curriculum } from '../../src/curriculum/index.js';
import { ManualClock, memoryStore, RecordingPoster, testCurriculum, testDeps } from '../helpers/deps.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { silentLogger } from '../helpers/silent-logger.js';

export const GUILD = '200000000000000001';
export const CHANNEL = '300000000000000001';
export const PRESENTER_ROLE = '400000000000000001';

/** Who acts: an organizer (Manage Server), a member with the presenter role, or a plain member. */
export type Who = 'ada' | 'grace' | 'linus';

const ACTORS: Record<Who, Actor> = {
	ada: { id: '100000000000000001', name: 'Ada', roles: [], permissions: PermissionFlagsBits.ManageGuild },
	grace: { id: '100000000000000002', name: 'Grace', roles: [PRESENTER_ROLE], permissions: 0n },
	linus: { id: '100000000000000003', name: 'Linus', roles: [], permissions: 0n },
};

/** One interaction's result: what the responder was asked to do, and the outcome. */
export interface Interaction {
	responder: MemoryResponder;
	outcome: RespondOutcome;
	/** The last message-like reply the member saw (the final edit, update or reply), if any. */
	final: Reply | undefined;
	modal: APIModalInteractionResponseCallbackData | null;
}

/** Every command as the bot wires them (registry, dispatcher, respond) over a memory store and a recording poster. */
export interface DemoHarness {
	deps: Deps;
	store: Store;
	poster: RecordingPoster;
	command(name: string, options?: Record<string, unknown>, who?: Who, channelId?: string): Promise<Interaction>;
	button(customId: string, who?: Who, message?: MessageRef, channelId?: string): Promise<Interaction>;
	select(customId: string, values: string[], who?: Who, message?: MessageRef, channelId?: string): Promise<Interaction>;
	modal(customId: string, fields: Record<string, string>, who?: Who, channelId?: string): Promise<Interaction>;
	close(): Promise<void>;
}

function finalOf(responder: MemoryResponder): Reply | undefined {
	for (let i = responder.ops.length - 1; i >= 0; i--) {
		const op = responder.ops[i]!;
		if (op.op === 'reply' || op.op === 'update' || op.op === 'editOriginal' || op.op === 'followUp') return op.reply;
	}
	return undefined;
}

export async function demoHarness(options: { store?: Store; curriculum?: Curriculum } = {}): Promise<DemoHarness> {
	const store = options.store ?? (await memoryStore());
	const poster = new RecordingPoster();
	const deps = testDeps({
		store,
		poster,
		clock: new ManualClock(),
		curriculum: options.curriculum ?? (await testCurriculum()),
	});
	await deps.repos.settings.update(GUILD, { presenterRoleId: PRESENTER_ROLE });
	const dispatcher = new Dispatcher({ registry: createRegistry(commands), deps, log: silentLogger });
	let next = 1;
	const base = (who: Who, channelId: string): InteractionBase => ({
		interactionId: String(900_000_000_000_000_000 + next++),
		user: ACTORS[who],
		guildId: GUILD,
		channelId,
		locale: 'en-US',
		createdAt: Date.now(),
	});
	const finish = (responder: MemoryResponder, outcome: RespondOutcome): Interaction => {
		const shown = responder.ops.find((o) => o.op === 'showModal');
		return { responder, outcome, final: finalOf(responder), modal: shown?.op === 'showModal' ? shown.modal : null };
	};
	const publicMessage: MessageRef = { id: '500000000000000001', ephemeral: false };
	return {
		deps,
		store,
		poster,
		async command(name, commandOptions = {}, who = 'linus', channelId = CHANNEL) {
			const responder = new MemoryResponder();
			const subcommand = typeof commandOptions.subcommand === 'string' ? commandOptions.subcommand : undefined;
			const { subcommand: _, ...rest } = commandOptions;
			return finish(
				responder,
				await dispatcher.runCommand(base(who, channelId), name, { subcommand, options: rest }, responder),
			);
		},
		async button(customId, who = 'linus', message = publicMessage, channelId = CHANNEL) {
			const responder = new MemoryResponder();
			return finish(responder, await dispatcher.runComponent(base(who, channelId), customId, [], message, responder));
		},
		async select(customId, values, who = 'linus', message = publicMessage, channelId = CHANNEL) {
			const responder = new MemoryResponder();
			return finish(
				responder,
				await dispatcher.runComponent(base(who, channelId), customId, values, message, responder),
			);
		},
		async modal(customId, fields, who = 'linus', channelId = CHANNEL) {
			const responder = new MemoryResponder();
			return finish(
				responder,
				await dispatcher.runModal(base(who, channelId), customId, fields, publicMessage, responder),
			);
		},
		close: () => store.close(),
	};
}

/** Every custom id on a reply's components, in order. */
export function customIds(reply: Reply | undefined): string[] {
	return (reply?.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}
