import { describe, expect, it } from 'vitest';
import { embedCharacters } from './message-limits.js';
import { apiPath, validateRequest } from './validate-request.js';

const CALLBACK = '/api/v10/interactions/1281234567890123456/aW50ZXJhY3Rpb24/callback';
const CHANNEL_MESSAGES = '/api/v10/channels/1281234567890123457/messages';

function specErrors(result: { errors: string[] }): string[] {
	return result.errors.filter((e) => e.startsWith('spec:'));
}
function limitErrors(result: { errors: string[] }): string[] {
	return result.errors.filter((e) => e.startsWith('limit:'));
}

describe('validateRequest: matching', () => {
	it('GIVEN an API path with version and query THEN apiPath strips both', () => {
		expect(apiPath('/api/v10/channels/1/messages?x=1')).toEqual({ path: '/channels/1/messages', query: 'x=1' });
		expect(apiPath('/api/v9/users/@me')).toEqual({ path: '/users/@me', query: '' });
	});

	it('GIVEN @original THEN the original-message operation matches, not the {message_id} one', () => {
		const result = validateRequest('PATCH', '/webhooks/1281234567890123456/tok/messages/@original', { content: 'hi' });
		expect(result.operation).toBe('PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original');
		expect(result.ok).toBe(true);
	});

	it('GIVEN a route Discord does not have THEN it is reported', () => {
		const result = validateRequest('POST', '/api/v10/channels/1281234567890123457/teleport', {});
		expect(result.ok).toBe(false);
		expect(result.errors[0]).toMatch(/no operation POST \/channels\/1281234567890123457\/teleport/);
	});

	it('GIVEN a path id that is not a snowflake THEN the path parameter is reported', () => {
		const result = validateRequest('POST', '/api/v10/channels/undefined/messages', { content: 'hi' });
		expect(result.errors).toEqual([expect.stringMatching(/path \{channel_id\}="undefined"/)]);
	});

	it('GIVEN with_response=maybe THEN the query parameter is reported, and with_response=false passes', () => {
		const body = { type: 4, data: { content: 'ok' } };
		expect(validateRequest('POST', `${CALLBACK}?with_response=maybe`, body).errors).toEqual([
			expect.stringMatching(/query with_response="maybe" must be boolean/),
		]);
		expect(validateRequest('POST', `${CALLBACK}?with_response=false`, body).ok).toBe(true);
	});

	it('GIVEN a GET with a body THEN it is reported; WITHOUT a required body THEN that is reported', () => {
		expect(validateRequest('GET', '/api/v10/users/@me', { a: 1 }).errors[0]).toMatch(/takes no request body/);
		expect(validateRequest('POST', CHANNEL_MESSAGES, undefined).errors).toEqual(['spec: request body is required']);
	});
});

describe('validateRequest: interaction callbacks', () => {
	it('GIVEN a plain reply THEN it is valid', () => {
		expect(validateRequest('POST', CALLBACK, { type: 4, data: { content: 'Pong', flags: 64 } })).toMatchObject({
			ok: true,
			errors: [],
		});
	});

	it('GIVEN content of 2001 characters THEN the spec rule (2000 for interaction messages) reports it once', () => {
		const result = validateRequest('POST', CALLBACK, { type: 4, data: { content: 'x'.repeat(2001) } });
		expect(specErrors(result)).toEqual(['spec: /data/content must NOT have more than 2000 characters']);
		expect(limitErrors(result)).toEqual(['limit: /content has 2001 characters; Discord allows 2000']);
	});

	it('GIVEN an embed title of 257 characters THEN only the branch for type 4 is reported', () => {
		const result = validateRequest('POST', CALLBACK, { type: 4, data: { embeds: [{ title: 't'.repeat(257) }] } });
		expect(specErrors(result)).toEqual(['spec: /data/embeds/0/title must NOT have more than 256 characters']);
	});

	it('GIVEN an unknown callback type THEN the union errors are all listed', () => {
		const result = validateRequest('POST', CALLBACK, { type: 3 });
		expect(result.ok).toBe(false);
		expect(result.errors.some((e) => e.includes('must be equal to one of the allowed values'))).toBe(true);
	});

	it('GIVEN a modal without title THEN the spec reports the missing property', () => {
		const result = validateRequest('POST', CALLBACK, {
			type: 9,
			data: {
				custom_id: 'quiz',
				components: [{ type: 1, components: [{ type: 4, custom_id: 'a', style: 1, label: 'Answer' }] }],
			},
		});
		expect(specErrors(result)).toEqual(["spec: /data must have required property 'title'"]);
	});
});

describe('validateRequest: documented limits the spec lacks', () => {
	it('GIVEN a channel message of 2001 characters THEN only the 2000 limit reports it (the spec allows 4000)', () => {
		const result = validateRequest('POST', CHANNEL_MESSAGES, { content: 'x'.repeat(2001) });
		expect(specErrors(result)).toEqual([]);
		expect(limitErrors(result)).toEqual(['limit: /content has 2001 characters; Discord allows 2000']);
	});

	it('GIVEN embeds over 6000 characters in total THEN the total is reported', () => {
		const embeds = [0, 1].map(() => ({ description: 'd'.repeat(3000), title: 'title' }));
		expect(embedCharacters(embeds)).toBe(6010);
		const result = validateRequest('POST', CHANNEL_MESSAGES, { embeds });
		expect(result.errors).toEqual([
			'limit: /embeds total 6010 characters; all embeds of a message together allow 6000',
		]);
	});

	it('GIVEN files[0] without an attachments entry THEN it is reported; WITH the entry THEN it is valid', () => {
		const files = [{ field: 'files[0]', filename: 'chart.png', size: 1200, contentType: 'image/png' }];
		expect(validateRequest('POST', CHANNEL_MESSAGES, { content: 'chart' }, { files }).errors).toEqual([
			'limit: files[0] (chart.png) has no attachments[] entry with id "0"',
		]);
		const body = {
			content: 'chart',
			attachments: [{ id: '0', filename: 'chart.png' }],
			embeds: [{ image: { url: 'attachment://chart.png' } }],
		};
		expect(validateRequest('POST', CHANNEL_MESSAGES, body, { files }).ok).toBe(true);
	});

	it('GIVEN an embed pointing at attachment://missing.png THEN it is reported', () => {
		const result = validateRequest('PATCH', '/webhooks/1281234567890123456/tok/messages/@original', {
			embeds: [{ image: { url: 'attachment://missing.png' } }],
		});
		expect(result.errors).toEqual([expect.stringMatching(/refers to attachment:\/\/missing.png/)]);
	});

	it('GIVEN an edit that keeps an existing attachment by id THEN it is valid; an unknown id is reported', () => {
		const existing = [{ id: '1281234567890123999', filename: 'old.png' }];
		const path = '/webhooks/1281234567890123456/tok/messages/@original';
		expect(
			validateRequest(
				'PATCH',
				path,
				{ attachments: [{ id: '1281234567890123999' }] },
				{ existingAttachments: existing },
			).ok,
		).toBe(true);
		expect(
			validateRequest('PATCH', path, { attachments: [{ id: '5' }] }, { existingAttachments: existing }).errors,
		).toEqual([expect.stringMatching(/\/attachments\/0 has id "5"/)]);
	});

	it('GIVEN six action rows or a select sharing a row THEN both are reported', () => {
		const button = (id: string) => ({ type: 2, style: 1, custom_id: id, label: 'B' });
		const select = { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] };
		const rows: object[] = Array.from({ length: 6 }, (_, i) => ({ type: 1, components: [button(`b${i}`)] }));
		rows[0] = { type: 1, components: [select, button('b')] };
		const result = validateRequest('POST', CHANNEL_MESSAGES, { components: rows });
		expect(limitErrors(result)).toEqual([
			'limit: /components has 6 action rows; at most 5 are allowed',
			'limit: /components/0 mixes a select menu with other components; a select must be alone in its row',
		]);
	});

	it('GIVEN a repeated custom_id and a select asking for more values than it offers THEN both are reported', () => {
		const select = {
			type: 3,
			custom_id: 'pick',
			max_values: 3,
			options: [
				{ label: 'a', value: 'a' },
				{ label: 'b', value: 'b' },
			],
		};
		const rows = [
			{
				type: 1,
				components: [
					{ type: 2, style: 1, custom_id: 'go', label: 'Go' },
					{ type: 2, style: 1, custom_id: 'go', label: 'Again' },
				],
			},
			{ type: 1, components: [select] },
		];
		expect(limitErrors(validateRequest('POST', CHANNEL_MESSAGES, { components: rows }))).toEqual([
			'limit: /components/0/components/1/custom_id "go" is used twice in this message',
			'limit: /components/1/components/0 asks for 1 to 3 values out of 2 options',
		]);
	});

	it('GIVEN an ephemeral channel message THEN the flag is reported', () => {
		expect(validateRequest('POST', CHANNEL_MESSAGES, { content: 'hi', flags: 64 }).errors).toEqual([
			expect.stringMatching(/EPHEMERAL is for interaction responses only/),
		]);
	});

	it('GIVEN enforce_nonce without nonce THEN it is reported; a 26-character nonce breaks the spec', () => {
		expect(validateRequest('POST', CHANNEL_MESSAGES, { content: 'hi', enforce_nonce: true }).errors).toEqual([
			'limit: /enforce_nonce is true but no nonce is given',
		]);
		expect(
			validateRequest('POST', CHANNEL_MESSAGES, { content: 'hi', nonce: 'n'.repeat(26), enforce_nonce: true }).ok,
		).toBe(false);
	});
});

describe('validateRequest: commands and scheduled events', () => {
	const COMMANDS = '/api/v10/applications/1281234567890123456/commands';

	it('GIVEN a valid bulk overwrite THEN it passes', () => {
		const body = [
			{
				name: 'tokenize',
				description: 'Split text into tokens',
				options: [
					{ type: 3, name: 'text', description: 'Text to split', required: true },
					{ type: 3, name: 'model', description: 'Tokenizer', choices: [{ name: 'GPT-2', value: 'gpt2' }] },
				],
			},
		];
		expect(validateRequest('PUT', COMMANDS, body)).toMatchObject({ ok: true, errors: [] });
	});

	it('GIVEN upper-case names, a required option after an optional one and a duplicate THEN each is reported', () => {
		const body = [
			{
				name: 'Tokenize',
				description: 'Split',
				options: [
					{ type: 3, name: 'model', description: 'Tokenizer' },
					{ type: 3, name: 'text', description: 'Text', required: true },
				],
			},
			{ name: 'Tokenize', description: 'Again' },
		];
		expect(limitErrors(validateRequest('PUT', COMMANDS, body))).toEqual([
			'limit: /0/name "Tokenize" must be lower case',
			'limit: /0/options/1 is required but follows an optional option; required options come first',
			'limit: /1/name "Tokenize" must be lower case',
			'limit: /1/name "Tokenize" is registered twice',
		]);
	});

	it('GIVEN a 33-character name THEN the spec reports it', () => {
		const result = validateRequest('POST', COMMANDS, { name: 'a'.repeat(33), description: 'x' });
		expect(specErrors(result)).toEqual(['spec: /name must NOT have more than 32 characters']);
	});

	it('GIVEN an external event without end time, starting in the past THEN both rules report', () => {
		const now = new Date('2025-01-10T12:00:00Z');
		const body = {
			name: 'Week 3: attention',
			privacy_level: 2,
			entity_type: 3,
			scheduled_start_time: '2025-01-09T18:00:00Z',
			entity_metadata: { location: 'Room 4' },
		};
		expect(
			validateRequest('POST', '/api/v10/guilds/1281234567890123456/scheduled-events', body, { now }).errors,
		).toEqual([
			'limit: /scheduled_start_time 2025-01-09T18:00:00Z is not in the future',
			'limit: /scheduled_end_time is required for an EXTERNAL event',
		]);
	});
});
