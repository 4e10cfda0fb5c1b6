import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from '@discordjs/rest';

export interface RestProxyOptions {
	host: string;
	port: number;
	/** Where requests go: Discord's API unless given (the emulator in tests). */
	upstream?: string;
}

/**
 * A REST proxy (@discordjs/proxy) that every shard process points DISCORD_API_BASE at, so all of them share one view
 * of Discord's rate limits instead of each learning them by hitting 429s. Authorization headers pass through.
 */
export async function startRestProxy(
	options: RestProxyOptions,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
	const rest = new REST(options.upstream ? { api: options.upstream } : {});
	const handle = proxyRequests(rest);
	// The handler answers Discord's own errors itself; anything else it rethrows after ending the response.
	const server = createServer((req, res) => {
		Promise.resolve(handle(req, res)).catch((error: unknown) => {
			process.stderr.write(
				`REST proxy: ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}\n`,
			);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${options.host}:${port}/api`,
		server,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
