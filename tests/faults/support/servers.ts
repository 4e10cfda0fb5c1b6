import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Resolves once something accepts TCP connections on the port, or throws after `timeoutMs`. */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
		await sleep(50);
	}
}

/**
 * A Redis server of its own (not the shared one other test files use), without persistence, that a test can kill
 * with SIGKILL and start again on the same port: the store going down and coming back.
 */
export class ThrowawayRedis {
	private child: ChildProcess | null = null;
	private constructor(readonly port: number) {}

	static async start(): Promise<ThrowawayRedis> {
		const redis = new ThrowawayRedis(await freePort());
		await redis.start();
		return redis;
	}

	get url(): string {
		return `redis://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		if (this.child) return;
		this.child = spawn(
			'redis-server',
			['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: 'ignore' },
		);
		await waitForPort(this.port, 10_000);
	}

	/** SIGKILL: a crash, not a shutdown; every connection is reset. */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child) return;
		this.child = null;
		if (child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGKILL');
		await exited;
	}
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
	if (!version)
		throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
	return path.join(root, version, 'bin');
}

/**
 * A PostgreSQL cluster of its own (initdb in a temp dir, on a free port), so the test can stop it hard and start it
 * again without touching the shared server. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * OS user (runuser), as the Debian package does.
 */
export class ThrowawayPostgres {
	private readonly bin = postgresBin();
	private readonly dir: string;
	private constructor(readonly port: number) {
		this.dir = mkdtempSync(path.join(os.tmpdir(), 'pg-fault-'));
	}

	static async start(): Promise<ThrowawayPostgres> {
		const pg = new ThrowawayPostgres(await freePort());
		if (process.getuid?.() === 0) chownSync(pg.dir, ...pg.postgresIds());
		pg.run('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
		await pg.start();
		return pg;
	}

	get url(): string {
		return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
	}

	private get data(): string {
		return path.join(this.dir, 'data');
	}

	private postgresIds(): [number, number] {
		const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
		return [id('-u'), id('-g')];
	}

	private run(tool: string, args: string[]): void {
		const command = path.join(this.bin, tool);
		const result =
			process.getuid?.() === 0
				? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
				: spawnSync(command, args, { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr}${result.stdout}`);
	}

	async start(): Promise<void> {
		const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
		this.run('pg_ctl', ['-D', this.data, '-o', options, '-l', path.join(this.dir, 'log'), '-w', '-t', '30', 'start']);
		await waitForPort(this.port, 10_000);
	}

	/** `pg_ctl stop -m immediate`: the server quits at once without a clean shutdown, every connection is cut. */
	async kill(): Promise<void> {
		this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
	}

	async remove(): Promise<void> {
		try {
			await this.kill();
		} catch {
			// Already stopped.
		}
		rmSync(this.dir, { recursive: true, force: true });
	}
}
