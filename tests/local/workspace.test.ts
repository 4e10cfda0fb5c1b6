import { ButtonStyle, ComponentType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';
import { LOCAL_IDS } from '../../src/local/guild.js';
import { LocalInteractions } from '../../src/local/interactions.js';
import { LocalApiError } from '../../src/local/message.js';
import { snowflakeTime } from '../../src/local/snowflake.js';
import { LocalWorkspace, NONCE_WINDOW_MS, type WorkspaceEvent } from '../../src/local/workspace.js';
import { openStore } from '../../src/storage/store.js';
import { silentLogger } from '../helpers/silent-logger.js';
import { testCommands } from './fixtures.js';

const { general, studyGroup, announcements, studyRoom } = LOCAL_IDS.channels;

class FakeClock implements Clock {
	constructor(public ms: number) {}
	now() {
		return new Date(this.ms);
	}
}

const apps: App[] = [];
afterEach(async () => {
	await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function setup(clock?: Clock) {
	const workspace = new LocalWorkspace({ clock });
	const config = loadConfig({ STORE_URL: 'sqlite://:memory:', NODE_ENV: 'test' });
	const store = await openStore(config.STORE_URL);
	const app = await createApp({
		config,
		log: silentLogger,
		poster: workspace.poster,
		commands: testCommands,
		store,
		clock,
	});
	apps.push(app);
	const local = new LocalInteractions(workspace, app);
	return {
		workspace,
		local,
		ada: workspace.member('Ada')!,
		linus: workspace.member('Linus')!,
		grace: workspace.member('Grace')!,
	};
}

async function apiError(promise: Promise<unknown> | (() => unknown)): Promise<LocalApiError> {
	try {
		await (typeof promise === 'function' ? promise() : promise);
	} catch (error) {
		if (error instanceof LocalApiError) return error;
		throw error;
	}
	throw new Error('expected a LocalApiError');
}

describe('LocalWorkspace as a ChannelPoster', () => {
	it('GIVEN a post THEN the channel holds it, from the bot, with a snowflake id made from the clock', async () => {
		const clock = new FakeClock(Date.UTC(2025, 2, 3, 9, 0, 0));
		const workspace = new LocalWorkspace({ clock });
		const { id } = await workspace.poster.send(studyGroup, {
			content: 'Week 5 starts now',
			embeds: [{ title: 'Attention' }],
		});
		const [message] = workspace.messages(studyGroup);
		expect(message).toMatchObject({
			id,
			author: { id: LOCAL_IDS.bot, bot: true },
			content: 'Week 5 starts now',
			embeds: [{ title: 'Attention' }],
			visibleTo: null,
		});
		expect(id).toMatch(/^\d{17,20}$/);
		expect(snowflakeTime(id).toISOString()).toBe('2025-03-03T09:00:00.000Z');
		expect(workspace.messages(general)).toEqual([]);
	});

	it('GIVEN ids made in one millisecond THEN they are distinct and increasing', () => {
		const workspace = new LocalWorkspace({ clock: new FakeClock(Date.UTC(2025, 0, 1)) });
		const ids = Array.from({ length: 50 }, () => BigInt(workspace.nextId()));
		expect(new Set(ids).size).toBe(50);
		expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
	});

	it('GIVEN the same nonce posted twice THEN one message exists and both calls return its id', async () => {
		const workspace = new LocalWorkspace();
		const first = await workspace.poster.send(studyGroup, { content: 'Reminder' }, { nonce: 'week-5-reminder' });
		const second = await workspace.poster.send(studyGroup, { content: 'Reminder' }, { nonce: 'week-5-reminder' });
		expect(second.id).toBe(first.id);
		expect(workspace.messages(studyGroup)).toHaveLength(1);
	});

	it('GIVEN a nonce repeated after the window THEN Discord would post again, and so does the workspace', async () => {
		const clock = new FakeClock(Date.UTC(2025, 0, 1));
		const workspace = new LocalWorkspace({ clock });
		const first = await workspace.poster.send(studyGroup, { content: 'A' }, { nonce: 'n1' });
		clock.ms += NONCE_WINDOW_MS + 1;
		const second = await workspace.poster.send(studyGroup, { content: 'A' }, { nonce: 'n1' });
		expect(second.id).not.toBe(first.id);
		expect(workspace.messages(studyGroup)).toHaveLength(2);
	});

	it('GIVEN a nonce longer than 25 characters THEN it is refused as Discord refuses it', async () => {
		const error = await apiError(
			new LocalWorkspace().poster.send(studyGroup, { content: 'x' }, { nonce: 'x'.repeat(26) }),
		);
		expect(error.code).toBe(50035);
	});

	it('GIVEN what Discord refuses THEN the poster throws with Discord’s error codes', async () => {
		const { poster } = new LocalWorkspace();
		expect((await apiError(poster.send(studyGroup, {}))).code).toBe(50006);
		expect((await apiError(poster.send(studyGroup, { content: 'x'.repeat(2001) }))).code).toBe(50035);
		expect((await apiError(poster.send('1', { content: 'x' }))).code).toBe(10003);
		expect((await apiError(poster.send(announcements, { content: 'x' }))).code).toBe(50013);
		expect((await apiError(poster.send(studyRoom, { content: 'x' }))).code).toBe(50008);
		expect((await apiError(poster.edit(studyGroup, '1', { content: 'x' }))).code).toBe(10008);
		const duplicate = {
			type: ComponentType.ActionRow as const,
			components: [
				{ type: ComponentType.Button as const, style: ButtonStyle.Primary as const, custom_id: 'a:b', label: '1' },
				{ type: ComponentType.Button as const, style: ButtonStyle.Primary as const, custom_id: 'a:b', label: '2' },
			],
		};
		expect((await apiError(poster.send(studyGroup, { components: [duplicate] }))).message).toMatch(
			/custom_id used twice/,
		);
	});

	it('GIVEN canPost THEN it says why the bot cannot post, in words an organizer can act on', async () => {
		const { poster } = new LocalWorkspace();
		expect(await poster.canPost(studyGroup)).toEqual({ ok: true });
		expect(await poster.canPost(announcements)).toEqual({
			ok: false,
			reason: expect.stringContaining('Send Messages'),
		});
		expect(await poster.canPost(studyRoom)).toEqual({
			ok: false,
			reason: expect.stringContaining('not a text channel'),
		});
		expect(await poster.canPost('12345678901234567')).toMatchObject({ ok: false });
	});

	it('GIVEN an edit THEN the body is replaced in place and marked edited', async () => {
		const clock = new FakeClock(Date.UTC(2025, 0, 1));
		const workspace = new LocalWorkspace({ clock });
		const { id } = await workspace.poster.send(studyGroup, {
			content: 'Live quiz: 3 answers',
			embeds: [{ title: 'Q1' }],
		});
		clock.ms += 60_000;
		await workspace.poster.edit(studyGroup, id, { content: 'Live quiz: 5 answers' });
		expect(workspace.messages(studyGroup)).toEqual([
			expect.objectContaining({ id, content: 'Live quiz: 5 answers', embeds: [], editedAt: new Date(clock.ms) }),
		]);
	});

	it('GIVEN a thread started on a message THEN it is a channel with the message’s id, and posts go into it', async () => {
		const workspace = new LocalWorkspace();
		const events: WorkspaceEvent[] = [];
		workspace.subscribe((e) => events.push(e));
		const { id } = await workspace.poster.send(studyGroup, { content: 'Week 5 discussion' });
		const thread = await workspace.poster.startThread(studyGroup, id, 'Week 5: attention');
		expect(thread.id).toBe(id);
		expect(workspace.channel(thread.id)).toMatchObject({ name: 'Week 5: attention', parentId: studyGroup });
		expect(workspace.message(id)?.thread).toEqual({ id, name: 'Week 5: attention' });
		await workspace.poster.send(thread.id, { content: 'First question' });
		expect(workspace.messages(thread.id).map((m) => m.content)).toEqual(['First question']);
		expect(events.map((e) => e.type)).toEqual(['message', 'channel', 'message', 'message']);
		expect((await apiError(workspace.poster.startThread(studyGroup, id, 'again'))).code).toBe(160004);
	});

	it('GIVEN scheduled events THEN past starts and non-voice channels are refused, valid ones are listed', async () => {
		const clock = new FakeClock(Date.UTC(2025, 0, 1));
		const workspace = new LocalWorkspace({ clock });
		const guild = workspace.guild.id;
		const hour = 3_600_000;
		const at = (offset: number) => new Date(clock.ms + offset);
		expect(
			(
				await apiError(
					workspace.poster.createScheduledEvent(guild, { name: 'Past', startsAt: at(-hour), endsAt: at(hour) }),
				)
			).message,
		).toMatch(/past/);
		expect(
			(
				await apiError(
					workspace.poster.createScheduledEvent(guild, {
						name: 'Text',
						startsAt: at(hour),
						endsAt: at(2 * hour),
						channelId: general,
					}),
				)
			).code,
		).toBe(50035);
		expect(
			(
				await apiError(
					workspace.poster.createScheduledEvent('1', { name: 'Other guild', startsAt: at(hour), endsAt: at(2 * hour) }),
				)
			).code,
		).toBe(10004);
		const voice = await workspace.poster.createScheduledEvent(guild, {
			name: 'Week 5',
			startsAt: at(hour),
			endsAt: at(3 * hour),
			channelId: studyRoom,
		});
		const external = await workspace.poster.createScheduledEvent(guild, {
			name: 'Offline meetup',
			startsAt: at(hour),
			endsAt: at(3 * hour),
			location: 'Room 301',
		});
		expect(workspace.scheduledEvents()).toEqual([
			expect.objectContaining({ id: voice.id, channelId: studyRoom, location: null }),
			expect.objectContaining({ id: external.id, channelId: null, location: 'Room 301' }),
		]);
	});
});

describe('LocalWorkspace members', () => {
	it('GIVEN the seeded members THEN an organizer has Manage Server and a presenter has the presenter role id', () => {
		const workspace = new LocalWorkspace();
		const ada = workspace.actor(workspace.member('ada')!);
		const grace = workspace.actor(workspace.member('@Grace')!);
		const linus = workspace.actor(workspace.member('Linus')!);
		expect(ada.permissions & PermissionFlagsBits.ManageGuild).toBe(PermissionFlagsBits.ManageGuild);
		expect(grace.roles).toEqual([LOCAL_IDS.roles.presenter]);
		expect(linus.permissions & PermissionFlagsBits.ManageGuild).toBe(0n);
		expect(linus.roles).toEqual([]);
	});

	it('GIVEN a new name THEN the member joins once; the same name later changes its role', () => {
		const workspace = new LocalWorkspace();
		const first = workspace.join('  Jiwoo  ', 'member');
		const again = workspace.join('jiwoo', 'presenter');
		expect(again.id).toBe(first.id);
		expect(workspace.member(first.id)).toMatchObject({ name: 'Jiwoo', role: 'presenter' });
		expect(() => workspace.join('   ')).toThrow(LocalApiError);
	});
});

describe('LocalInteractions', () => {
	it('GIVEN /help THEN the reply is ephemeral: only the member who ran it sees it', async () => {
		const { workspace, local, ada, linus } = await setup();
		const result = await local.command('/help', ada);
		expect(result.outcome.ok).toBe(true);
		const [reply] = result.messages;
		expect(reply).toMatchObject({
			visibleTo: ada.id,
			interaction: { user: { id: ada.id }, commandName: 'help' },
			embeds: [{ title: 'LLM Study Bot' }],
		});
		expect(workspace.messages(general, { as: ada.id })).toHaveLength(1);
		expect(workspace.messages(general, { as: linus.id })).toHaveLength(0);
		expect(workspace.messages(general)).toHaveLength(0);
	});

	it('GIVEN /about THEN the reply is public with the version and storage fields', async () => {
		const { workspace, local, linus } = await setup();
		await local.command('/about', linus);
		const [reply] = workspace.messages(general);
		expect(reply?.visibleTo).toBeNull();
		expect(reply?.embeds[0]?.fields).toEqual(
			expect.arrayContaining([expect.objectContaining({ name: 'Storage', value: 'sqlite' })]),
		);
	});

	it('GIVEN bad input THEN the member gets the same ephemeral ❌ message the dispatcher gives in Discord', async () => {
		const { local, linus } = await setup();
		const cases: [string, string][] = [
			['/quiz practice week:13', '❌ `week` must be at most 12.'],
			['/quiz practice week:five', '❌ `week` must be a number.'],
			['/quiz week:5', '❌ /quiz needs a subcommand: one of `practice`, `stats`.'],
			['/echo', '❌ `text` is required.'],
			['/nope', '❌ The command /nope is not available on this bot any more.'],
			['/echo text:hi private:maybe', '❌ `private` must be true or false.'],
			['/echo text:hi member:Nobody', '❌ There is no member called `Nobody` here. Members: Ada, Grace, Linus, 민지.'],
			['/echo text:a text:b', '❌ `text` is given twice.'],
		];
		for (const [line, expected] of cases) {
			const result = await local.command(line, linus);
			expect(result.outcome.ok, line).toBe(false);
			expect(
				result.messages.map((m) => [m.content, m.visibleTo]),
				line,
			).toEqual([[expected, linus.id]]);
		}
	});

	it('GIVEN a member option by name THEN the handler gets the member and the mention shows their name', async () => {
		const { local, linus, grace } = await setup();
		const result = await local.command('/echo text:Great talk member:grace', linus);
		expect(result.messages[0]?.content).toBe(`Great talk (for <@${grace.id}>)`);
	});

	it('GIVEN a command that needs Manage Server THEN a member is refused and an organizer runs it', async () => {
		const { local, linus, ada } = await setup();
		expect((await local.command('/admin', linus)).messages[0]?.content).toBe(
			'❌ You do not have permission to use /admin.',
		);
		expect((await local.command('/admin', ada)).messages[0]?.content).toBe('Hello organizer Ada');
	});

	it('GIVEN a deferred command THEN "thinking" is shown first and the answer replaces it without an edit mark', async () => {
		const { workspace, local, linus } = await setup();
		const seen: boolean[] = [];
		workspace.subscribe((e) => e.type === 'message' && seen.push(e.message.thinking));
		const result = await local.command('/chart', linus);
		expect(seen).toEqual([true, false]);
		const [message] = result.messages;
		expect(message).toMatchObject({
			thinking: false,
			editedAt: null,
			embeds: [{ image: { url: 'attachment://chart.png' } }],
		});
		expect(message?.attachments[0]).toMatchObject({
			name: 'chart.png',
			contentType: 'image/png',
			width: 800,
			height: 450,
		});
	});

	it('GIVEN a button click THEN its handler runs and updates the same message in place', async () => {
		const { workspace, local, linus, ada } = await setup();
		const [message] = (await local.command('/counter', linus)).messages;
		const add = 'counter:add:0';
		const click = await local.click(message!.id, add, ada);
		expect(click.outcome.ok).toBe(true);
		expect(click.messages).toEqual([]); // an update creates nothing new
		expect(workspace.messages(general)).toEqual([
			expect.objectContaining({ id: message!.id, content: 'Clicked **1** times' }),
		]);
		await local.click(message!.id, 'counter:add:1', linus);
		expect(workspace.message(message!.id)?.content).toBe('Clicked **2** times');
	});

	it('GIVEN components Discord’s client would not let a member use THEN the click is refused', async () => {
		const { local, linus } = await setup();
		const [message] = (await local.command('/counter', linus)).messages;
		expect((await apiError(local.click(message!.id, 'counter:locked', linus))).message).toMatch(/disabled/);
		expect((await apiError(local.click(message!.id, 'counter:add:7', linus))).message).toMatch(/no component/);
		expect((await apiError(local.click(message!.id, 'counter:pick', linus, ['w9']))).message).toMatch(
			/not one of the options/,
		);
		expect((await apiError(local.click(message!.id, 'counter:pick', linus, ['w1', 'w2']))).message).toMatch(
			/choose 1–1/,
		);
	});

	it('GIVEN a select menu choice THEN the handler gets the values and answers privately', async () => {
		const { local, linus } = await setup();
		const [message] = (await local.command('/counter', linus)).messages;
		const result = await local.click(message!.id, 'counter:pick', linus, ['w2']);
		expect(result.messages.map((m) => [m.content, m.visibleTo])).toEqual([['Linus picked w2', linus.id]]);
	});

	it('GIVEN an ephemeral message THEN another member cannot click its components', async () => {
		const { local, linus, ada } = await setup();
		const [message] = (await local.command('/echo text:mine private:true', linus)).messages;
		expect((await apiError(local.click(message!.id, 'x:y', ada))).code).toBe(10008);
	});

	it('GIVEN a modal opened by a command THEN a valid submit reaches the modal handler', async () => {
		const { local, linus } = await setup();
		const opened = await local.command('/feedback', linus);
		expect(opened.messages).toEqual([]);
		expect(opened.modal).toMatchObject({ custom_id: 'feedback:submit', title: 'Week 5 feedback' });
		expect(local.pendingModal(linus)?.custom_id).toBe('feedback:submit');
		const submitted = await local.submitModal(
			'feedback:submit',
			{ name: 'Linus', learned: 'softmax is smooth' },
			linus,
		);
		expect(submitted.messages.map((m) => [m.content, m.visibleTo])).toEqual([
			['Thanks Linus: softmax is smooth', linus.id],
		]);
		expect(local.pendingModal(linus)).toBeNull();
	});

	it('GIVEN a modal opened by a button THEN its submit can update the message the button is on', async () => {
		const { workspace, local, linus } = await setup();
		const [message] = (await local.command('/counter', linus)).messages;
		const opened = await local.click(message!.id, 'counter:note:0', linus);
		expect(opened.modal?.custom_id).toBe('counter:note:0');
		const submitted = await local.submitModal('counter:note:0', { note: 'nice' }, linus);
		expect(submitted.messages).toEqual([]);
		expect(workspace.message(message!.id)?.content).toBe(`Clicked **0** times (note: nice, on ${message!.id})`);
	});

	it('GIVEN modal values outside the inputs’ rules THEN the submit is refused and the modal stays open', async () => {
		const { local, linus } = await setup();
		await local.command('/feedback', linus);
		expect((await apiError(local.submitModal('feedback:submit', { learned: 'enough text' }, linus))).message).toMatch(
			/Your name is required/,
		);
		expect(
			(await apiError(local.submitModal('feedback:submit', { name: 'L', learned: 'abc' }, linus))).message,
		).toMatch(/at least 5/);
		expect((await apiError(local.submitModal('feedback:submit', { name: 'x'.repeat(21) }, linus))).message).toMatch(
			/at most 20/,
		);
		expect((await apiError(local.submitModal('feedback:submit', { name: 'L', extra: 'x' }, linus))).message).toMatch(
			/no input extra/,
		);
		expect((await apiError(local.submitModal('other:id', { name: 'L' }, linus))).code).toBe(10062);
		expect((await local.submitModal('feedback:submit', { name: 'L' }, linus)).messages[0]?.content).toBe(
			'Thanks L: (nothing)',
		);
	});

	it('GIVEN a plain message from a member THEN it is posted as the member', async () => {
		const { workspace, local, linus } = await setup();
		local.say('<img src=x onerror=alert(1)> @everyone', linus);
		expect(workspace.messages(general)).toEqual([
			expect.objectContaining({
				author: { id: linus.id, name: 'Linus', bot: false },
				content: '<img src=x onerror=alert(1)> @everyone',
			}),
		]);
	});
});

describe('LocalResponder', () => {
	it('GIVEN an interaction answered twice THEN the second answer fails as in Discord (40060)', async () => {
		const workspace = new LocalWorkspace();
		const responder = workspace.responder({
			id: '1',
			kind: 'command',
			channelId: general,
			member: workspace.member('Ada')!,
			commandName: 'x',
			sourceMessageId: null,
		});
		await responder.reply({ content: 'one' });
		expect((await apiError(responder.reply({ content: 'two' }))).code).toBe(40060);
		await responder.followUp({ content: 'three', ephemeral: true });
		expect(workspace.messages(general, { as: workspace.member('Ada')!.id }).map((m) => m.content)).toEqual([
			'one',
			'three',
		]);
	});

	it('GIVEN an edit before any answer THEN it fails, as Discord knows no webhook yet', async () => {
		const workspace = new LocalWorkspace();
		const responder = workspace.responder({
			id: '1',
			kind: 'command',
			channelId: general,
			member: workspace.member('Ada')!,
			commandName: 'x',
			sourceMessageId: null,
		});
		expect((await apiError(responder.editOriginal({ content: 'x' }))).code).toBe(10015);
	});

	it('GIVEN a public defer answered ephemerally THEN deleteOriginal removes the placeholder for everyone', async () => {
		const workspace = new LocalWorkspace();
		const ada = workspace.member('Ada')!;
		const responder = workspace.responder({
			id: '1',
			kind: 'command',
			channelId: general,
			member: ada,
			commandName: 'x',
			sourceMessageId: null,
		});
		await responder.defer(false);
		expect(workspace.messages(general)[0]?.thinking).toBe(true);
		await responder.deleteOriginal();
		await responder.followUp({ content: 'private', ephemeral: true });
		expect(workspace.messages(general)).toEqual([]);
		expect(workspace.messages(general, { as: ada.id }).map((m) => m.content)).toEqual(['private']);
	});
});
