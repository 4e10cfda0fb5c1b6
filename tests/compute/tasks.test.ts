import { describe, expect, it } from 'vitest';
import { tasks } from '../../src/compute/tasks/index.js';

describe('the task registry', () => {
	it('GIVEN every worker task THEN its name is <area>.<action> (lowercase area, camelCase action)', () => {
		const names = Object.keys(tasks);
		expect(names.filter((name) => !/^[a-z]+\.[a-z][a-zA-Z]*$/.test(name))).toEqual([]);
		expect(names).toContain('quiz.card');
		expect(names).toContain('system.ping');
	});
});
