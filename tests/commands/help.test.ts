import { describe, expect, it } from 'vitest';
import help from '../../commands/help.js';
import about from '../../commands/about.js';
import { commands } from '../../commands/index.js';
import { testDeps, ManualClock } from '../helpers/deps.js';
import { runForReply } from '../helpers/run-command.js';

describe('/help', () => {
	it('GIVEN no option THEN every registered command is listed under its audience, privately', async () => {
		const reply = await runForReply(help);
		expect(reply.ephemeral).toBe(true);
		const text = JSON.stringify(reply.embeds);
		for (const command of commands) expect(text).toContain(`/${command.data.name}`);
		const fields = reply.embeds![0]!.fields!;
		expect([...new Set(fields.map((f) => f.name.replace(' (more)', '')))]).toEqual([
			'🧑‍🎓 For members',
			'🎤 For presenters',
			'🗓️ For organizers',
		]);
		// Discord cuts a field past 1024 characters: a long list continues in another field instead.
		for (const field of fields) expect(field.value.length).toBeLessThanOrEqual(1024);
	});

	it('GIVEN command:help THEN its options are explained', async () => {
		const reply = await runForReply(help, { command: '/help' });
		expect(reply.embeds![0]!.title).toBe('/help');
		expect(reply.embeds![0]!.description).toContain('`command`');
	});

	it('GIVEN an unknown command THEN a UserError names it', async () => {
		await expect(runForReply(help, { command: 'nope' })).rejects.toThrow(/no command called `\/nope`/);
	});
});

describe('/about', () => {
	it('GIVEN the bot has run 1 h 2 min THEN version, uptime and store are shown', async () => {
		const clock = new ManualClock();
		const deps = testDeps({ clock, startedAt: clock.now(), version: '1.2.3', storeKind: 'redis' });
		clock.advance((62 * 60 + 5) * 1000);
		const reply = await runForReply(about, {}, { deps });
		const fields = Object.fromEntries(reply.embeds![0]!.fields!.map((f) => [f.name, f.value]));
		expect(fields).toMatchObject({ Version: '1.2.3', Uptime: '1h 2m 5s', Storage: 'redis' });
	});
});
