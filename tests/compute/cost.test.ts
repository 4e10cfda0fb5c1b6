import { describe, expect, it } from 'vitest';
import { ownedByTokenizerThread } from '../../src/compute/cost.js';
import { tasks } from '../../src/compute/tasks/index.js';
import { tasks as ownerTasks } from '../../src/compute/tasks/tokenizers.js';

describe('the tokenizer owner', () => {
	it('GIVEN /tokenize with only OpenAI encodings THEN any thread runs it', () => {
		expect(
			ownedByTokenizerThread('tokenize.chart', { text: 'hi', models: ['gpt2', 'gpt-4', 'gpt-4o'], show: 'tokens' }),
		).toBe(false);
	});

	it('GIVEN /tokenize with a Hugging Face or Mistral family, or every family THEN the owner runs it', () => {
		expect(
			ownedByTokenizerThread('tokenize.chart', { text: 'hi', models: ['gpt-4o', 'llama-3'], show: 'tokens' }),
		).toBe(true);
		expect(ownedByTokenizerThread('tokenize.chart', { text: 'hi', models: ['mistral'], show: 'ids' })).toBe(true);
		expect(ownedByTokenizerThread('tokenize.families', { text: 'hi' })).toBe(true);
	});

	it('GIVEN other tasks THEN they stay in the pool', () => {
		expect(ownedByTokenizerThread('system.ping', { value: 1 })).toBe(false);
		expect(ownedByTokenizerThread('models.warmup', {})).toBe(false);
	});

	it('GIVEN the owner registry THEN it is part of the full one, with every task routed to it', () => {
		for (const name of Object.keys(ownerTasks))
			expect(tasks).toHaveProperty([name], ownerTasks[name as keyof typeof ownerTasks]);
		expect(Object.keys(ownerTasks)).toEqual(expect.arrayContaining(['tokenize.chart', 'tokenize.families']));
	});
});
