import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX } from '../../../src/core/custom-id.js';
import {
	decodeRequest,
	encodeRequest,
	inlineRef,
	refFromArgs,
	requestFrom,
	rerunCustomId,
} from '../../../src/demos/rerun/request.js';

describe('rerun requests', () => {
	it('GIVEN handler args THEN the request keeps the option values, splits off the subcommand and drops unset options', () => {
		expect(requestFrom('sample', { prompt: 'To be', temperature: 0.8, seed: undefined })).toEqual({
			command: 'sample',
			options: { prompt: 'To be', temperature: 0.8 },
		});
		expect(requestFrom('quiz', { subcommand: 'practice', week: 3 })).toEqual({
			command: 'quiz',
			subcommand: 'practice',
			options: { week: 3 },
		});
	});

	it('GIVEN an option a form cannot carry (a user) THEN there is no request', () => {
		expect(requestFrom('progress', { member: { id: '1', name: 'Ada', bot: false } })).toBeNull();
		expect(requestFrom('sample', { temperature: Number.NaN })).toBeNull();
	});

	it('GIVEN a request THEN it survives encoding, including text with colons, quotes and emoji', () => {
		const request = { command: 'tokenize', options: { text: 'a:b "c" 🙂\n', encoding: 'compare', flag: true } };
		const data = encodeRequest(request);
		expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeRequest(data)).toEqual(request);
	});

	it('GIVEN a preference THEN it travels with the request', () => {
		const request = requestFrom('sample', { prompt: 'x' }, ['temperature', 'seed'])!;
		expect(request).toEqual({ command: 'sample', options: { prompt: 'x' }, prefer: ['temperature', 'seed'] });
		expect(decodeRequest(encodeRequest(request))).toEqual(request);
	});

	it.each([
		['not base64 JSON', '!!!'],
		[
			'a preference that is not a list of names',
			Buffer.from(JSON.stringify({ c: 'x', o: {}, p: 'seed' })).toString('base64url'),
		],
		['JSON that is not a request', Buffer.from('[1,2]').toString('base64url')],
		['a nested value', Buffer.from(JSON.stringify({ c: 'x', o: { a: { b: 1 } } })).toString('base64url')],
		['a missing command', Buffer.from(JSON.stringify({ o: {} })).toString('base64url')],
	])('GIVEN %s in a custom id THEN decoding refuses it', (_what, data) => {
		expect(decodeRequest(data)).toBeNull();
	});

	it('GIVEN short options THEN both custom ids carry them inline within 100 characters; long ones must be stored', () => {
		const short = { command: 'positions', options: { length: 64, dims: 32 } };
		const ref = inlineRef(short)!;
		expect(ref.kind).toBe('inline');
		expect(rerunCustomId('rr', ref).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
		expect(rerunCustomId('rm', ref).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
		expect(rerunCustomId('rr', ref)).toMatch(/^present:rr:i:/);
		expect(
			inlineRef({ command: 'residual', options: { text: 'The old prince said to Natasha that the war had begun' } }),
		).toBeNull();
	});

	it('GIVEN custom id arguments THEN only the two well-formed kinds are accepted', () => {
		expect(refFromArgs(['i', 'abc'])).toEqual({ kind: 'inline', data: 'abc' });
		expect(refFromArgs(['s', 'AbC_-123'])).toEqual({ kind: 'stored', id: 'AbC_-123' });
		expect(refFromArgs(['s', '../x'])).toBeNull();
		expect(refFromArgs(['x', 'abc'])).toBeNull();
		expect(refFromArgs(['i'])).toBeNull();
		expect(refFromArgs(['i', 'a', 'b'])).toBeNull();
	});
});
