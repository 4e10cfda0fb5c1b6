import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { BenchRow, BenchSuite } from './types.js';

/** Runs every `bench/*.bench.ts` (or those named on the command line), prints a table, writes bench/results.json. */
async function main(): Promise<void> {
	const dir = path.dirname(fileURLToPath(import.meta.url));
	const only = process.argv.slice(2);
	const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
	const results: { area: string; rows: BenchRow[] }[] = [];
	for (const file of files) {
		const suite = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchSuite }).default;
		if (only.length > 0 && !only.includes(suite.area)) continue;
		process.stderr.write(`bench: ${suite.area}…\n`);
		const rows = await suite.run();
		results.push({ area: suite.area, rows });
		printRows(suite.area, rows);
	}
	const machine = {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.platform()} ${os.arch()}`,
	};
	// A run of some areas replaces only those in results.json and keeps the others' last figures.
	const kept =
		only.length > 0 ? await previousResults(path.join(dir, 'results.json'), new Set(results.map((r) => r.area))) : [];
	const out = { ranAt: new Date().toISOString(), machine, results: [...kept, ...results] };
	await writeFile(path.join(dir, 'results.json'), `${JSON.stringify(out, null, '\t')}\n`);
	process.stdout.write(
		`\nmachine: ${machine.cpus}× ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`,
	);
}

async function previousResults(file: string, replaced: Set<string>): Promise<{ area: string; rows: BenchRow[] }[]> {
	try {
		const previous = JSON.parse(await readFile(file, 'utf8')) as { results: { area: string; rows: BenchRow[] }[] };
		return previous.results.filter((r) => !replaced.has(r.area));
	} catch {
		return [];
	}
}

function fmt(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (Math.abs(value) >= 100) return value.toFixed(0);
	if (Math.abs(value) >= 1) return value.toFixed(2);
	return value.toPrecision(3);
}

function printRows(area: string, rows: BenchRow[]): void {
	process.stdout.write(`\n## ${area}\n\n| measure | value | reference | ratio |\n|---|---|---|---|\n`);
	for (const row of rows) {
		const ref = row.reference ? `${row.reference.name}: ${fmt(row.reference.value)} ${row.reference.unit}` : '';
		const ratio = row.ratio === undefined ? '' : `${fmt(row.ratio)}×${row.note ? ` (${row.note})` : ''}`;
		process.stdout.write(`| ${row.name} | ${fmt(row.value)} ${row.unit} | ${ref} | ${ratio} |\n`);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
