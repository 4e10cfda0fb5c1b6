import { describe, expect, it } from 'vitest';
import { letter, optionOrder, shuffled } from '../../src/quiz/shuffle.js';

describe('option order', () => {
	it('GIVEN a seed and a question THEN the order is a permutation, the same every time, and differs between questions and seeds', () => {
		const order = optionOrder(42, 'w05-mc-a', 4);
		expect([...order].sort()).toEqual([0, 1, 2, 3]);
		expect(optionOrder(42, 'w05-mc-a', 4)).toEqual(order);
		const others = [optionOrder(42, 'w05-mc-b', 4), optionOrder(43, 'w05-mc-a', 4), optionOrder(44, 'w05-mc-a', 4)];
		expect(others.some((o) => o.join() !== order.join())).toBe(true);
	});

	it('GIVEN 4000 seeds THEN the first option lands in each of the four positions about equally often (chi-square, 3 d.f., below the 0.1% critical value 16.27)', () => {
		const counts = [0, 0, 0, 0];
		for (let seed = 0; seed < 4000; seed++) counts[optionOrder(seed, 'w07-mc-scale', 4).indexOf(0)]!++;
		const chi = counts.reduce((sum, c) => sum + (c - 1000) ** 2 / 1000, 0);
		expect(chi).toBeLessThan(16.27);
	});

	it('GIVEN a list and a seed THEN shuffled returns the same items in a seeded order, leaving the input alone', () => {
		const items = ['a', 'b', 'c', 'd', 'e'];
		const once = shuffled(items, 7);
		expect([...once].sort()).toEqual(items);
		expect(shuffled(items, 7)).toEqual(once);
		expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(letter(0) + letter(3)).toBe('AD');
	});
});
