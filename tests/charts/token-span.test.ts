import { describe, expect, it } from 'vitest';
import { byteGroups, hexBytes } from '../../src/charts/token-span.js';
import { fakeMeasure } from './helpers/fake-measure.js';

describe('token spans', () => {
	it('GIVEN bytes THEN hex is upper case, two digits each', () => {
		expect(hexBytes([0xf0, 0x9f, 0x91, 0x0a])).toBe('F0 9F 91 0A');
	});

	it('GIVEN a whole-character token with bytes THEN each character stands over its own bytes; a partial one over all', () => {
		const groups = byteGroups({ text: '안녕', id: 1, bytes: [0xec, 0x95, 0x88, 0xeb, 0x85, 0x95] }, fakeMeasure);
		expect(groups.map((g) => [g.label, g.hex])).toEqual([
			['안', 'EC 95 88'],
			['녕', 'EB 85 95'],
		]);
		expect(byteGroups({ text: '\uFFFD', id: 2, bytes: [0xec, 0x95] }, fakeMeasure).map((g) => g.hex)).toEqual([
			'EC 95',
		]);
	});
});
