import { Writable } from 'node:stream';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/core/deps.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import type { InteractionBase } from '../../src/core/interaction.js';
import { createRegistry } from '../../src/core/registry.js';
import type { Reply } from '../../src/core/reply.js';
import type { RespondOutcome } from '../../src/core/respond.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/storage/store.js';
import { memoryStore, ManualClock, RecordingPoster, testCurriculum, testDeps } from '../helpers/deps.js';
import { MemoryResponder } from '../helpers/memory-responder.js';
import { startOpenAiServer, type OpenAiTestServer } from '../helpers/openai-server.js';

export const GUILD = '200000000000000001';
export const CHANNEL = '300000000000000001';
export const MINA = '100000000000000001';
export const JUN = '100000000000000002';

export interface Interaction {
	responder: MemoryResponder;
	outcome: RespondOutcome;
	/** What the member sees in the end: the first message and the follow-ups, in order. */
	messages: Reply[];
}

/**
 * The tutor commands wired as the bot wires them (registry, dispatcher, respond) with an in-memory store, a
 * manual clock, a recording poster, and the local OpenAI-compatible server; every log line is kept.
 */
export interface TutorHarness {
	server: OpenAiTestServer;
	deps: Deps;
	store: Store;
	clock: ManualClock;
	poster: RecordingPoster;
	/** Every log line, as written (JSON). */
	logs: string[];
	command(name: string, options?: Record<string, unknown>, who?: Who): Promise<Interaction>;
	button(customId: string, who?: Who, message?: { id: string; ephemeral: boolean }): Promise<Interaction>;
	select(customId: string, values: string[], who?: Who): Promise<Interaction>;
	modal(customId: string, fields: Record<string, string>, who?: Who): Promise<Interaction>;
	close(): Promise<void>;
}

export interface Who {
	userId?: string;
	name?: string;
	organizer?: boolean;
	channelId?: string;
	locale?: string;
	subcommand?: string;
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

export async function tutorHarness(
	env: Record<string, string> = {},
	options: { withKey?: boolean } = {},
): Promise<TutorHarness> {
	const server = await startOpenAiServer();
	const store = await memoryStore();
	const clock = new ManualClock();
	const poster = new RecordingPoster();
	const logs: string[] = [];
	const destination = new Writable({
		write(chunk: Buffer, _encoding, done) {
			logs.push(chunk.toString('utf8'));
			done();
		},
	});
	const log = createLogger({ level: 'trace', pretty: false, destination });
	const config = loadConfig({
		NODE_ENV: 'test',
		...(options.withKey === false ? {} : { OPENAI_API_KEY: server.apiKey, OPENAI_BASE_URL: server.url }),
		OPENAI_MODEL: 'tutor-test-model',
		LLM_TIMEOUT_MS: '2000',
		...env,
	});
	const deps = testDeps({ store, clock, config, poster, curriculum: await testCurriculum() });
	const dispatcher = new Dispatcher({ registry: createRegistry(commands), deps, log });
	let next = 1;
	const base = (who: Who = {}): InteractionBase => ({
		interactionId: String(900_000_000_000_000_000 + next++),
		user: {
			id: who.userId ?? MINA,
			name: who.name ?? (who.userId === JUN ? 'Jun' : 'Mina'),
			roles: [],
			permissions: who.organizer ? PermissionFlagsBits.ManageGuild : 0n,
		},
		guildId: GUILD,
		channelId: who.channelId ?? CHANNEL,
		locale: who.locale ?? 'en-US',
		createdAt: Date.now(),
	});
	const finish = (responder: MemoryResponder, outcome: RespondOutcome): Interaction => ({
		responder,
		outcome,
		messages: visible(responder),
	});
	return {
		server,
		deps,
		store,
		clock,
		poster,
		logs,
		async command(name, options = {}, who = {}) {
			const responder = new MemoryResponder();
			const outcome = await dispatcher.runCommand(base(who), name, { subcommand: who.subcommand, options }, responder);
			return finish(responder, outcome);
		},
		async button(customId, who = {}, message = { id: '1', ephemeral: false }) {
			const responder = new MemoryResponder();
			return finish(responder, await dispatcher.runComponent(base(who), customId, [], message, responder));
		},
		async select(customId, values, who = {}) {
			const responder = new MemoryResponder();
			return finish(
				responder,
				await dispatcher.runComponent(base(who), customId, values, { id: '1', ephemeral: false }, responder),
			);
		},
		async modal(customId, fields, who = {}) {
			const responder = new MemoryResponder();
			return finish(
				responder,
				await dispatcher.runModal(base(who), customId, fields, { id: '1', ephemeral: false }, responder),
			);
		},
		async close() {
			await server.close();
			await store.close();
		},
	};
}

/** Every custom id on a reply's components (buttons and selects). */
export function customIds(reply: Reply | undefined): string[] {
	return (reply?.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}
