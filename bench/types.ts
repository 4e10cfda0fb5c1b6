/** One figure printed by `npm run bench` and written to `bench/results.json`. */
export interface BenchRow {
	/** What was measured, e.g. `chart: 1200×600 bar chart, render + PNG encode (median)`. */
	name: string;
	value: number;
	unit: string;
	/** The reference measured in the same run, if this figure is a comparison. */
	reference?: { name: string; value: number; unit: string };
	/** value relative to the reference, explained in `note` (e.g. "throughput ratio, higher is better"). */
	ratio?: number;
	note?: string;
}

/** A benchmark module: `bench/<area>.bench.ts` default-exports one of these. */
export interface BenchSuite {
	area: string;
	run(): Promise<BenchRow[]>;
}

/** Median of a list of numbers (the list is not modified). */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's duration in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = Math.min(3, runs)): Promise<number[]> {
	for (let i = 0; i < warmup; i++) await fn();
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		out.push(performance.now() - start);
	}
	return out;
}
