import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Suites that share PostgreSQL, Redis or ports run in separate forks; the machine has 2 cores.
		pool: 'forks',
		maxWorkers: 2,
	},
});
