import { describe, expect, it } from 'vitest';
import { ApiResponder, pingedBy } from './api-responder.js';

/** The fuzz checks can fail: the converter reports what Discord would refuse and who a body would ping. */
describe('ApiResponder and pingedBy', () => {
	it('GIVEN a reply past Discord’s limits (sent without fitReply) THEN the call carries the spec errors', async () => {
		const responder = new ApiResponder();
		await responder.reply({ content: 'x'.repeat(2001), embeds: Array.from({ length: 11 }, () => ({ title: 't' })) });
		expect(responder.calls).toHaveLength(1);
		expect(responder.calls[0]!.errors.join('\n')).toMatch(/content/);
		expect(responder.calls[0]!.errors.join('\n')).toMatch(/embeds/);
	});

	it('GIVEN a valid private reply with a PNG THEN the callback is valid, multipart, with allowed_mentions that parse nothing', async () => {
		const responder = new ApiResponder();
		await responder.reply({
			content: 'hi <@100000000000000001> @everyone',
			ephemeral: true,
			files: [{ name: 'a.png', data: Buffer.from([0x89, 0x50]) }],
		});
		const [call] = responder.calls;
		expect(call!.errors).toEqual([]);
		expect(call!.files).toEqual([{ field: 'files[0]', filename: 'a.png', size: 2 }]);
		const data = (call!.body as { data: Record<string, unknown> }).data;
		expect(data).toMatchObject({ flags: 64, allowed_mentions: { parse: [], users: [] } });
		expect(pingedBy(data)).toEqual({ users: [], roles: [], everyone: false });
		expect(responder.visible()).toEqual([{ body: data, ephemeral: true }]);
	});

	it('GIVEN a body that lets mentions through THEN pingedBy names who would be notified', () => {
		expect(pingedBy({ content: '<@100000000000000001> <@&200000000000000001> @here' })).toEqual({
			users: ['100000000000000001'],
			roles: ['200000000000000001'],
			everyone: true,
		});
		expect(
			pingedBy({ content: '<@100000000000000001>', allowed_mentions: { parse: [], users: ['100000000000000001'] } })
				.users,
		).toEqual(['100000000000000001']);
	});

	it('GIVEN a public deferral answered privately THEN the deleted original is gone and the follow-up is what the member sees', async () => {
		const responder = new ApiResponder();
		await responder.defer(false);
		await responder.deleteOriginal();
		await responder.followUp({ content: '❌ nope', ephemeral: true });
		expect(responder.calls.map((c) => `${c.method} ${c.errors.length}`)).toEqual(['POST 0', 'DELETE 0', 'POST 0']);
		expect(responder.visible().map((v) => [v.body.content, v.ephemeral])).toEqual([['❌ nope', true]]);
	});
});
