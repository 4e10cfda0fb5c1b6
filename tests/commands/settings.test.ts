import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import schedule from '../../commands/schedule.js';
import settings from '../../commands/settings.js';
import type { Deps } from '../../src/core/deps.js';
import type { Store } from '../../src/storage/store.js';
import { memoryStore, testCurriculum, testDeps } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

describe('/settings', () => {
	let store: Store;
	let deps: Deps;
	beforeAll(async () => {
		store = await memoryStore();
		deps = testDeps({ store });
	});
	afterAll(() => store.close());
	const organizer = { permissions: PermissionFlagsBits.ManageGuild };

	it('GIVEN a member without Manage Server THEN changing roles is refused with a clear message, and nothing is saved', async () => {
		await expect(
			runForReply(settings, { presenter_role: { id: '400000000000000001', name: 'p' } }, { deps, subcommand: 'roles' }),
		).rejects.toThrow(/Only organizers can change the settings/);
		expect((await deps.repos.settings.get('200000000000000001')).presenterRoleId).toBeNull();
	});

	it('GIVEN an organizer sets the roles THEN they are saved and a member with the organizer role becomes an organizer', async () => {
		await runForReply(
			settings,
			{
				organizer_role: { id: '400000000000000002', name: 'orga' },
				presenter_role: { id: '400000000000000003', name: 'pres' },
			},
			{ deps, subcommand: 'roles', ...organizer },
		);
		const saved = await deps.repos.settings.get('200000000000000001');
		expect(saved).toMatchObject({ organizerRoleId: '400000000000000002', presenterRoleId: '400000000000000003' });
		const reply = await runForReply(
			settings,
			{ exclude_organizers: true },
			{ deps, subcommand: 'leaderboard', roles: ['400000000000000002'] },
		);
		expect(reply.content).toContain('left out');
	});

	it('GIVEN an organizer picks the language of public posts THEN it is saved and shown, and `server` follows the server’s Discord language again', async () => {
		const guildId = '200000000000000002';
		const run = (language: string) =>
			runForReply(settings, { language }, { deps, guildId, subcommand: 'language', guildLocale: 'ko', ...organizer });
		expect((await run('en')).content).toContain('**Language of public posts:** English');
		expect((await deps.repos.settings.get(guildId)).language).toBe('en');
		expect((await run('server')).content).toContain('the server’s Discord language (now Korean)');
		expect((await deps.repos.settings.get(guildId)).language).toBeNull();
		const korean = await runForReply(
			settings,
			{},
			{ deps, guildId, subcommand: 'show', locale: 'ko', guildLocale: 'ko' },
		);
		expect(korean.content).toContain('**공개 게시물의 언어:** 서버의 Discord 언어를 따름 (지금은 한국어)');
	});

	it('GIVEN /settings or /schedule run with a server locale THEN it is remembered for posts made without an interaction, and kept when none is sent', async () => {
		const guildId = '200000000000000003';
		await runForReply(settings, {}, { deps, guildId, subcommand: 'show', guildLocale: 'ko', ...organizer });
		expect((await deps.repos.settings.get(guildId)).serverLocale).toBe('ko');
		await runForReply(settings, {}, { deps, guildId, subcommand: 'show', guildLocale: null, ...organizer });
		expect((await deps.repos.settings.get(guildId)).serverLocale).toBe('ko');
		const withWeeks = testDeps({ store, curriculum: await testCurriculum() });
		await runForReply(
			schedule,
			{},
			{ deps: withWeeks, guildId, subcommand: 'show', guildLocale: 'en-US', ...organizer },
		);
		expect((await deps.repos.settings.get(guildId)).serverLocale).toBe('en-US');
	});

	it('GIVEN a DM THEN it says the command works in a server', async () => {
		await expect(runForReply(settings, {}, { deps, subcommand: 'show', guildId: null })).rejects.toThrow(/in a server/);
	});
});
