import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
	const lines: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		},
	});
	return { lines, destination };
}

describe('createLogger', () => {
	const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.secret-token-value';

	it('GIVEN a token in a credential field THEN the JSON line shows [redacted]', () => {
		const { lines, destination } = capture();
		const log = createLogger({ level: 'info', pretty: false, secrets: [token], destination });
		log.info({ config: { DISCORD_TOKEN: token }, token, headers: { authorization: `Bot ${token}` } }, 'starting');
		const line = lines.join('');
		expect(line).not.toContain(token);
		expect(line).toContain('[redacted]');
		expect(JSON.parse(line)).toMatchObject({ msg: 'starting', level: 30 });
	});

	it('GIVEN a token inside a message or an error text THEN it is scrubbed', () => {
		const { lines, destination } = capture();
		const log = createLogger({ level: 'info', pretty: false, secrets: [token], destination });
		log.error({ err: new Error(`login failed for ${token}`) }, `could not use ${token}`);
		expect(lines.join('')).not.toContain(token);
	});
});
