import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app.js';
import { healthReport } from './health.js';

/** Serves /healthz and /metrics on HOST:PORT while the bot runs on Discord. */
export async function startHealthServer(
	app: App,
	gateway: () => { connected: boolean; detail: string },
	options: { host: string; port: number },
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		if (req.method === 'GET' && path === '/healthz') {
			healthReport(app, gateway).then(
				(report) => {
					res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
				},
				() => res.writeHead(500).end(),
			);
		} else if (req.method === 'GET' && path === '/metrics') {
			app.metrics.text().then(
				(text) => res.writeHead(200, { 'content-type': app.metrics.contentType }).end(text),
				() => res.writeHead(500).end(),
			);
		} else {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	return {
		server,
		url: `http://${options.host}:${address.port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
