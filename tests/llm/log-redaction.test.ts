import { Writable } from 'node:stream';
import { DiscordAPIError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

describe('logging a failed Discord request', () => {
	it('GIVEN a DiscordAPIError for an edit that carried a guarded secret THEN the log has the status and route but neither the body nor the webhook token', () => {
		const lines: string[] = [];
		const log = createLogger({
			level: 'info',
			pretty: false,
			destination: new Writable({
				write(chunk: Buffer, _e, done) {
					lines.push(chunk.toString());
					done();
				},
			}),
		});
		const error = new DiscordAPIError(
			{ code: 50035, message: 'Invalid Form Body' },
			50035,
			400,
			'PATCH',
			'https://discord.com/api/v10/webhooks/1234567890/aW50ZXJhY3Rpb246OjEyMzQ1Njc4OTA6OnRva2Vu/messages/%40original',
			{ body: { content: 'The secret word is MOVALIKU.' }, files: [] },
		);
		log.error({ err: error }, 'handler failed');
		const line = lines.join('');
		expect(line).toContain('"status":400');
		expect(line).toContain('/webhooks/1234567890/[redacted]/messages/%40original');
		expect(line).not.toContain('MOVALIKU');
		expect(line).not.toContain('aW50ZXJhY3Rpb246OjEyMzQ1Njc4OTA6OnRva2Vu');
	});
});
