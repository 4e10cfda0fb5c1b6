import { createCanvas } from '@napi-rs/canvas';
import {
	ApplicationCommandOptionType,
	ButtonStyle,
	ComponentType,
	InteractionResponseType,
	Routes,
} from 'discord-api-types/v10';
import {
	AttachmentBuilder,
	DiscordAPIError,
	Events,
	GuildScheduledEventEntityType,
	GuildScheduledEventPrivacyLevel,
	MessageFlags,
	type Client,
	type Interaction,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPngSize, startEmulator, type DiscordEmulator } from './index.js';
import { loginClient } from './test-client.js';

let emulator: DiscordEmulator;
let client: Client<true>;
let handler: (interaction: Interaction) => Promise<void> = async () => {};

function chartPng(width: number, height: number): Buffer {
	const canvas = createCanvas(width, height);
	const context = canvas.getContext('2d');
	context.fillStyle = '#3b82f6';
	context.fillRect(0, 0, width / 2, height);
	return canvas.toBuffer('image/png');
}

beforeAll(async () => {
	emulator = await startEmulator({ heartbeatIntervalMs: 1_000 });
	client = await loginClient(emulator);
	client.on(Events.InteractionCreate, (interaction) => void handler(interaction));
	await client.application.commands.set([
		{ name: 'ping', description: 'Check the bot answers' },
		{
			name: 'tokenize',
			description: 'Split text into tokens',
			options: [
				{ type: ApplicationCommandOptionType.String, name: 'text', description: 'Text to split', required: true },
				{ type: ApplicationCommandOptionType.String, name: 'model', description: 'Tokenizer', autocomplete: true },
				{ type: ApplicationCommandOptionType.User, name: 'for', description: 'Show it to' },
			],
		},
	]);
});

afterEach(() => {
	handler = async () => {};
	// Every body the client sent in a test must be valid, and no route may be unknown.
	expect(emulator.violations).toEqual([]);
	expect(emulator.unknownRoutes.map((r) => `${r.method} ${r.url}`)).toEqual([]);
});

afterAll(async () => {
	await client?.destroy();
	await emulator?.stop();
});

describe('login', () => {
	it('GIVEN a bare Client THEN it connects with v=10 json, identifies as shard [0,1] and caches the guild from GUILD_CREATE', () => {
		const [connection] = emulator.gateway.connections;
		expect(connection?.url).toBe('/gateway?v=10&encoding=json');
		const identify = connection?.received.find((p) => p.op === 2)?.d as {
			token: string;
			shard: number[];
			intents: number;
		};
		expect(identify).toMatchObject({ token: emulator.token, shard: [0, 1], intents: 1 });
		const guild = client.guilds.cache.first();
		expect(guild?.name).toBe('LLM Study Group');
		expect(guild?.channels.cache.map((c) => c.name)).toEqual(
			expect.arrayContaining(['general', 'study-lab', 'announcements', 'Study Hall']),
		);
		expect(guild?.roles.cache.map((r) => r.name)).toEqual(expect.arrayContaining(['@everyone', 'Organizer', 'Member']));
		expect(guild?.members.cache.map((m) => m.user.username)).toEqual(
			expect.arrayContaining(['ada', 'alan', 'study-bot']),
		);
		expect(client.user.id).toBe(emulator.applicationId);
	});

	it('GIVEN a 1 s heartbeat interval THEN the client heartbeats and gets op 11 ACKs', async () => {
		const connection = emulator.gateway.connections[0];
		await emulator.waitFor(() => (connection?.heartbeats ?? 0) >= 1 && client.ws.ping >= 0, 3_000, 'a heartbeat ACK');
		expect(connection?.received.filter((p) => p.op === 1).length).toBe(connection?.heartbeats);
	});

	it('GIVEN members.fetch by query and by id THEN op 8 is answered with GUILD_MEMBERS_CHUNK', async () => {
		const guild = client.guilds.cache.first();
		const found = await guild?.members.fetch({ query: 'ad', limit: 10 });
		expect(found?.map((m) => m.user.username)).toEqual(['ada']);
		const alan = emulator.world.userByName('alan');
		expect((await guild?.members.fetch({ user: [alan.id] }))?.map((m) => m.id)).toEqual([alan.id]);
	});

	it('GIVEN commands.set THEN the emulator holds them and the bulk PUT passed the spec check', () => {
		expect(emulator.commands().map((c) => c.name)).toEqual(['ping', 'tokenize']);
		expect(
			emulator.requests.some((r) => r.route === 'PUT /applications/{application_id}/commands' && r.status === 200),
		).toBe(true);
	});
});

describe('interactions', () => {
	it('GIVEN /ping THEN the bot replies and the outcome has the message and its timing', async () => {
		handler = async (i) => {
			if (i.isChatInputCommand()) await i.reply({ content: `pong to ${i.user.username}` });
		};
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping', user: 'alan' });
		const outcome = await handle.answered();
		expect(outcome.callbacks.map((c) => c.type)).toEqual([InteractionResponseType.ChannelMessageWithSource]);
		expect(outcome.original?.message.content).toBe('pong to alan');
		expect(outcome.timings.firstCallbackMs).toBeGreaterThanOrEqual(0);
		expect(outcome.timings.firstCallbackMs).toBeLessThan(emulator.options.responseWindowMs);
		expect(emulator.channelMessages('general').at(-1)?.message.id).toBe(outcome.original?.message.id);
	});

	it('GIVEN options and a user option THEN discord.js sees the values and the resolved member', async () => {
		const seen: unknown[] = [];
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			seen.push(i.options.getString('text'), i.options.getUser('for')?.username, i.options.getMember('for') !== null);
			await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
		};
		const outcome = await emulator
			.dispatchInteraction({ type: 'command', name: 'tokenize', options: { text: 'hello world', for: 'ada' } })
			.answered();
		expect(seen).toEqual(['hello world', 'ada', true]);
		expect(outcome.original?.ephemeral).toBe(true);
		expect(emulator.channelMessages('general').some((m) => m.message.id === outcome.original?.message.id)).toBe(false);
	});

	it('GIVEN defer then editReply with a PNG THEN the file arrives as multipart and its size reads back', async () => {
		const png = chartPng(320, 180);
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			await i.deferReply();
			await i.editReply({
				content: 'Attention weights',
				files: [new AttachmentBuilder(png, { name: 'attention.png', description: 'heat map' })],
				embeds: [{ title: 'Layer 1', image: { url: 'attachment://attention.png' } }],
			});
		};
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered();
		expect(outcome.callbacks.map((c) => c.type)).toEqual([InteractionResponseType.DeferredChannelMessageWithSource]);
		expect(outcome.originalEdits).toBe(1);
		const file = outcome.original?.files[0];
		expect(file).toMatchObject({
			filename: 'attention.png',
			contentType: 'image/png',
			png: { width: 320, height: 180 },
		});
		expect(file?.bytes.equals(png)).toBe(true);
		expect(outcome.original?.message.flags).toBe(0);
		const attachment = outcome.original?.message.attachments[0];
		expect(outcome.original?.message.embeds[0]?.image?.url).toBe(attachment?.url);
		// The attachment URL is served by the emulator, as Discord's CDN would serve it.
		const fetched = Buffer.from(await (await fetch(attachment?.url ?? '')).arrayBuffer());
		expect(readPngSize(fetched)).toEqual({ width: 320, height: 180 });
		const edit = emulator.requests.find(
			(r) => r.route === 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
		);
		expect(edit?.headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(outcome.timings.finalStateMs).toBeGreaterThanOrEqual(outcome.timings.firstCallbackMs ?? 0);
	});

	it('GIVEN reply then followUp THEN both messages exist and the follow-up is separate', async () => {
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			await i.reply('part 1');
			await i.followUp({ content: 'part 2' });
			await i.followUp({ content: 'only you', flags: MessageFlags.Ephemeral });
		};
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered({ quietMs: 150 });
		expect(outcome.original?.message.content).toBe('part 1');
		expect(outcome.followUps.map((m) => [m.message.content, m.ephemeral])).toEqual([
			['part 2', false],
			['only you', true],
		]);
	});

	it('GIVEN a deferral and a followUp but no edit THEN the first follow-up replaces the loading message, as on Discord', async () => {
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			await i.deferReply();
			await i.followUp('done');
		};
		const outcome = await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered();
		expect(outcome.original?.message.content).toBe('done');
		expect(outcome.followUps).toEqual([]);
	});

	it('GIVEN autocomplete THEN the choices are recorded', async () => {
		handler = async (i) => {
			if (i.isAutocomplete()) await i.respond([{ name: `gpt2 (${i.options.getFocused()})`, value: 'gpt2' }]);
		};
		const outcome = await emulator
			.dispatchInteraction({
				type: 'autocomplete',
				name: 'tokenize',
				options: { text: 'x', model: 'gp' },
				focused: 'model',
			})
			.answered();
		expect(outcome.choices).toEqual([{ name: 'gpt2 (gp)', value: 'gpt2' }]);
	});

	it('GIVEN a button on a reply THEN update() edits that message, and a modal round trip works', async () => {
		handler = async (i) => {
			if (i.isChatInputCommand()) {
				await i.reply({
					content: 'Quiz',
					components: [
						{
							type: ComponentType.ActionRow,
							components: [
								{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: 'quiz:answer', label: 'Answer' },
							],
						},
					],
				});
			} else if (i.isButton()) {
				await i.showModal({
					custom_id: 'quiz:modal',
					title: 'Your answer',
					components: [
						{
							type: ComponentType.ActionRow,
							components: [{ type: ComponentType.TextInput, custom_id: 'answer', label: 'Answer', style: 1 }],
						},
					],
				});
			} else if (i.isModalSubmit() && i.isFromMessage()) {
				await i.update({ content: `Answered: ${i.fields.getTextInputValue('answer')}`, components: [] });
			}
		};
		const question = await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered();
		const message = question.original?.message;
		if (!message) throw new Error('no reply');
		const click = await emulator.dispatchInteraction({ type: 'button', customId: 'quiz:answer', message }).answered();
		expect(click.modal?.title).toBe('Your answer');
		const submit = await emulator
			.dispatchInteraction({
				type: 'modal',
				customId: 'quiz:modal',
				fields: { answer: 'softmax' },
				modal: click.modal ?? undefined,
				message,
			})
			.answered();
		expect(submit.callbacks.map((c) => c.type)).toEqual([InteractionResponseType.UpdateMessage]);
		expect(submit.original?.message.id).toBe(message.id);
		expect(submit.original?.message.content).toBe('Answered: softmax');
	});

	it('GIVEN a select menu THEN deferUpdate then editReply edits the message the menu sits on', async () => {
		handler = async (i) => {
			if (i.isChatInputCommand()) {
				await i.reply({
					content: 'Pick a model',
					components: [
						{
							type: ComponentType.ActionRow,
							components: [
								{
									type: ComponentType.StringSelect,
									custom_id: 'model',
									options: [
										{ label: 'GPT-2', value: 'gpt2' },
										{ label: 'BERT', value: 'bert' },
									],
								},
							],
						},
					],
				});
			} else if (i.isStringSelectMenu()) {
				await i.deferUpdate();
				await i.editReply({ content: `Model: ${i.values.join(', ')}`, components: [] });
			}
		};
		const menu = (await emulator.dispatchInteraction({ type: 'command', name: 'ping' }).answered()).original?.message;
		if (!menu) throw new Error('no menu');
		expect(() =>
			emulator.dispatchInteraction({ type: 'select', customId: 'nope', values: ['x'], message: menu }),
		).toThrow(/no enabled component/);
		const outcome = await emulator
			.dispatchInteraction({ type: 'select', customId: 'model', values: ['bert'], message: menu })
			.answered();
		expect(outcome.callbacks.map((c) => c.type)).toEqual([InteractionResponseType.DeferredMessageUpdate]);
		expect([
			outcome.original?.message.id,
			outcome.original?.message.content,
			outcome.original?.message.components,
		]).toEqual([menu.id, 'Model: bert', []]);
	});

	it('GIVEN a second callback or a late one THEN Discord refuses with 40060 and 10062', async () => {
		const handle = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		const callback = (type: number) =>
			client.rest.post(Routes.interactionCallback(handle.id, handle.token), {
				body: { type, data: { content: 'x' } },
				auth: false,
			});
		await callback(4);
		await expect(callback(4)).rejects.toMatchObject({ code: 40060, status: 400 });
		emulator.options.responseWindowMs = 50;
		try {
			const late = emulator.dispatchInteraction({ type: 'command', name: 'ping' });
			await new Promise((resolve) => setTimeout(resolve, 80));
			await expect(
				client.rest.post(Routes.interactionCallback(late.id, late.token), {
					body: { type: 4, data: { content: 'late' } },
					auth: false,
				}),
			).rejects.toMatchObject({ code: 10062, status: 404 });
			expect(late.outcome().errors.map((e) => e.code)).toEqual([10062]);
		} finally {
			emulator.options.responseWindowMs = 3000;
		}
	});
});

describe('channels, threads and events', () => {
	it('GIVEN channel.send with enforceNonce twice THEN one message exists and both calls return it', async () => {
		const channel = client.channels.cache.find((c) => 'name' in c && c.name === 'study-lab');
		if (!channel?.isSendable()) throw new Error('no study-lab');
		const first = await channel.send({ content: 'Weekly reminder', nonce: 'week-4-reminder', enforceNonce: true });
		const second = await channel.send({ content: 'Weekly reminder', nonce: 'week-4-reminder', enforceNonce: true });
		expect(second.id).toBe(first.id);
		expect(emulator.channelMessages('study-lab').filter((m) => m.message.content === 'Weekly reminder')).toHaveLength(
			1,
		);
	});

	it('GIVEN a thread from a message and a scheduled event THEN the emulator holds both', async () => {
		const channel = client.channels.cache.find((c) => 'name' in c && c.name === 'general');
		if (!channel?.isTextBased() || !channel.isSendable() || channel.isDMBased()) throw new Error('no general');
		const message = await channel.send('Week 4 discussion');
		const thread = await message.startThread({ name: 'Week 4: tokenization' });
		expect(thread.id).toBe(message.id);
		expect(emulator.threads().map((t) => t.name)).toContain('Week 4: tokenization');
		const start = new Date(Date.now() + 86_400_000);
		const event = await channel.guild.scheduledEvents.create({
			name: 'Week 4 session',
			scheduledStartTime: start,
			scheduledEndTime: new Date(start.getTime() + 3_600_000),
			privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
			entityType: GuildScheduledEventEntityType.External,
			entityMetadata: { location: 'Room 4' },
		});
		expect(emulator.scheduledEvents().map((e) => [e.id, e.name])).toEqual([[event.id, 'Week 4 session']]);
	});
});

describe('spec violations', () => {
	it('GIVEN an embed title of 257 characters or content of 2001 THEN Discord answers 50035 and the violation is recorded', async () => {
		const errors: unknown[] = [];
		handler = async (i) => {
			if (!i.isChatInputCommand()) return;
			await i.reply({ embeds: [{ title: 't'.repeat(257) }] }).catch((e: unknown) => errors.push(e));
			await i.reply({ content: 'x'.repeat(2001) }).catch((e: unknown) => errors.push(e));
		};
		emulator.dispatchInteraction({ type: 'command', name: 'ping' });
		await emulator.waitFor(() => errors.length === 2);
		expect(errors.every((e) => e instanceof DiscordAPIError && e.code === 50035)).toBe(true);
		const found = emulator.violations.map((v) => v.errors);
		expect(found).toEqual([
			['spec: /data/embeds/0/title must NOT have more than 256 characters'],
			[
				'spec: /data/content must NOT have more than 2000 characters',
				'limit: /content has 2001 characters; Discord allows 2000',
			],
		]);
		emulator.clearRecords();
	});

	it('GIVEN a route Discord does not have THEN it is answered 404 and recorded', async () => {
		await expect(client.rest.get('/channels/1/teleport')).rejects.toMatchObject({ status: 404 });
		expect(emulator.unknownRoutes.map((r) => r.url)).toEqual(['/api/v10/channels/1/teleport']);
		emulator.clearRecords();
	});
});
