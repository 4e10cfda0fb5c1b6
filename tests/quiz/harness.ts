import { PermissionFlagsBits } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/core/actor.js';
import type { Deps } from '../../src/core/deps.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import type { InteractionBase, MessageRef } from '../../src/core/interaction.js';
import { createRegistry } from '../../src/core/registry.js';
import { isModalReply, type Reply } from '../../src/core/reply.js';
import type { RespondOutcome } from '../../src/core/respond.js';
import type { Store } from '../../src/storage/store.js';
import { stepQuiz } from '../../src/quiz/live-steps.js';
import { ManualClock, memoryStore, RecordingPoster, testCurriculum, testDeps } from '../helpers/deps.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { silentLogger } from '../helpers/silent-logger.js';

export const GUILD = '200000000000000001';
export const OTHER_GUILD = '200000000000000002';
export const CHANNEL = '300000000000000001';
export const MINA = '100000000000000001';
export const JUN = '100000000000000002';
/** Has Manage Server: an organizer. */
export const ADA = '100000000000000003';

/** Who acts: a member by id, with a name, roles and permissions. */
export interface Who {
	userId?: string;
	name?: string;
	roles?: string[];
	organizer?: boolean;
	/** null: a direct message. */
	guildId?: string | null;
	channelId?: string;
	subcommand?: string;
}

export interface Interaction {
	responder: MemoryResponder;
	outcome: RespondOutcome;
	/** What the member sees in the end: the first message and the follow-ups, in order. */
	messages: Reply[];
	/** The modal opened, if any. */
	modal: { custom_id: string; title: string } | null;
}

/** The messages a responder's operations leave visible (edits replace the original; follow-ups append). */
export function visible(responder: MemoryResponder): Reply[] {
	let original: Reply | null = null;
	const followUps: Reply[] = [];
	for (const op of responder.ops) {
		if (op.op === 'reply' || op.op === 'update' || op.op === 'editOriginal') original = op.reply;
		else if (op.op === 'followUp') followUps.push(op.reply);
		else if (op.op === 'deleteOriginal') original = null;
	}
	return [...(original ? [original] : []), ...followUps];
}

/** Every custom id on a reply's components. */
export function customIds(reply: Reply | undefined): string[] {
	return (reply?.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}

/** The commands wired as the bot wires them (registry, dispatcher, respond), over a store, a manual clock and a recording poster. */
export interface QuizHarness {
	deps: Deps;
	store: Store;
	clock: ManualClock;
	poster: RecordingPoster;
	actor(who?: Who): Actor;
	command(name: string, options?: Record<string, unknown>, who?: Who): Promise<Interaction>;
	button(customId: string, who?: Who, message?: MessageRef): Promise<Interaction>;
	modal(customId: string, fields: Record<string, string>, who?: Who): Promise<Interaction>;
	/** Runs the live quiz runner's step for every running quiz (what the timer does). */
	tick(): Promise<void>;
	close(): Promise<void>;
}

export async function quizHarness(
	options: { store?: Store; env?: Record<string, string>; clock?: ManualClock } = {},
): Promise<QuizHarness> {
	const store = options.store ?? (await memoryStore());
	const clock = options.clock ?? new ManualClock(new Date('2026-03-04T12:00:00Z'));
	const poster = new RecordingPoster();
	const config = loadConfig({ NODE_ENV: 'test', ...options.env });
	const deps = testDeps({ store, clock, config, poster, curriculum: await testCurriculum() });
	const dispatcher = new Dispatcher({ registry: createRegistry(commands), deps, log: silentLogger });
	let next = 1;
	const actor = (who: Who = {}): Actor => ({
		id: who.userId ?? MINA,
		name: who.name ?? { [MINA]: 'Mina', [JUN]: 'Jun', [ADA]: 'Ada' }[who.userId ?? MINA] ?? `user ${who.userId}`,
		roles: who.roles ?? [],
		permissions: who.organizer || who.userId === ADA ? PermissionFlagsBits.ManageGuild : 0n,
	});
	const base = (who: Who = {}): InteractionBase => ({
		interactionId: String(900_000_000_000_000_000 + next++),
		user: actor(who),
		guildId: who.guildId === undefined ? GUILD : who.guildId,
		channelId: who.channelId ?? CHANNEL,
		locale: 'en-US',
		createdAt: Date.now(),
	});
	const finish = (responder: MemoryResponder, outcome: RespondOutcome): Interaction => {
		const shown = responder.ops.find((o) => o.op === 'showModal');
		return {
			responder,
			outcome,
			messages: visible(responder),
			modal: shown && shown.op === 'showModal' ? { custom_id: shown.modal.custom_id, title: shown.modal.title } : null,
		};
	};
	return {
		deps,
		store,
		clock,
		poster,
		actor,
		async command(name, commandOptions = {}, who = {}) {
			const responder = new MemoryResponder();
			return finish(
				responder,
				await dispatcher.runCommand(
					base(who),
					name,
					{ subcommand: who.subcommand, options: commandOptions },
					responder,
				),
			);
		},
		async button(customId, who = {}, message = { id: '1', ephemeral: true }) {
			const responder = new MemoryResponder();
			return finish(responder, await dispatcher.runComponent(base(who), customId, [], message, responder));
		},
		async modal(customId, fields, who = {}) {
			const responder = new MemoryResponder();
			return finish(
				responder,
				await dispatcher.runModal(base(who), customId, fields, { id: '1', ephemeral: true }, responder),
			);
		},
		async tick() {
			for (const { guildId, quizId } of await deps.repos.liveQuizzes.running())
				await stepQuiz(deps, silentLogger, guildId, quizId);
		},
		async close() {
			await store.close();
		},
	};
}

export { isModalReply };
