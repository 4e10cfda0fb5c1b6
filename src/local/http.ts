import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fromRoot } from '../paths.js';

/** Thrown by a route to answer with a status and a message the page shows. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

const BODY_LIMIT = 256 * 1024;

/**
 * The page's only sources are this server: no script, style or image from anywhere else can load, so even a
 * rendering mistake cannot run injected code or fetch from the network.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy':
		"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		...SECURITY_HEADERS,
		'Content-Type': 'application/json; charset=utf-8',
		'Cache-Control': 'no-store',
	});
	res.end(text);
}

export function sendBytes(
	res: ServerResponse,
	contentType: string,
	data: Buffer,
	extra: Record<string, string> = {},
): void {
	res.writeHead(200, {
		...SECURITY_HEADERS,
		'Content-Type': contentType,
		'Content-Length': String(data.length),
		...extra,
	});
	res.end(data);
}

/**
 * Reads a JSON body. Only `application/json` is accepted and a cross-site origin is refused: a page on another
 * site cannot send that without a CORS preflight this server never answers, so it cannot act as the member.
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
	if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
		throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
	const origin = req.headers.origin;
	if (origin && origin !== `http://${req.headers.host}`)
		throw new HttpError(403, 'Requests from other sites are refused.');
	if (req.headers['sec-fetch-site'] === 'cross-site')
		throw new HttpError(403, 'Requests from other sites are refused.');
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > BODY_LIMIT) throw new HttpError(413, 'Request too large.');
		chunks.push(chunk as Buffer);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new HttpError(400, 'The body is not valid JSON.');
	}
}

const STATIC_TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
};

/** Serves a file of `src/local/page/`, read at request time (so the page can be edited without a restart). */
export async function sendPageFile(res: ServerResponse, name: string): Promise<void> {
	const type = STATIC_TYPES[path.extname(name)];
	if (!/^[\w-]+\.[a-z]+$/.test(name) || !type) throw new HttpError(404, 'Not found.');
	let data: Buffer;
	try {
		data = await readFile(fromRoot('src/local/page', name));
	} catch {
		throw new HttpError(404, 'Not found.');
	}
	sendBytes(res, type, data, { 'Cache-Control': 'no-cache' });
}

/** Opens a Server-Sent Events stream; returns a function that writes one event. */
export function openEventStream(res: ServerResponse): (event: string, data: unknown) => void {
	res.writeHead(200, {
		...SECURITY_HEADERS,
		'Content-Type': 'text/event-stream; charset=utf-8',
		'Cache-Control': 'no-store',
		'Connection': 'keep-alive',
	});
	res.write(': connected\n\n');
	return (event, data) => {
		res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
	};
}

const FONT_TYPES: Readonly<Record<string, string>> = { '.ttf': 'font/ttf', '.otf': 'font/otf', '.woff2': 'font/woff2' };

/**
 * Serves a font of `assets/fonts/` (the charts' fonts: Noto Sans, the Korean subset, Twemoji), so the page shows
 * Hangul and colour emoji as the charts do, on a machine with no such fonts installed and without any download.
 */
export async function sendFont(res: ServerResponse, name: string): Promise<void> {
	const type = FONT_TYPES[path.extname(name)];
	if (!/^[\w-]+\.[a-z0-9]+$/.test(name) || !type) throw new HttpError(404, 'Not found.');
	let data: Buffer;
	try {
		data = await readFile(fromRoot('assets/fonts', name));
	} catch {
		throw new HttpError(404, 'Not found.');
	}
	sendBytes(res, type, data, { 'Cache-Control': 'public, max-age=86400' });
}
