import { CUSTOM_ID_MAX, customId } from '../../core/custom-id.js';
import type { RerunRequest, RerunValue } from '../../storage/repositories/rerun-requests.js';

export type { RerunRequest, RerunValue } from '../../storage/repositories/rerun-requests.js';

/**
 * The command that owns the "Run again with…" button and form handlers: a custom id is routed by its first part to
 * a registered command, and /present is the presenter feature this button serves. Any command's reply can carry
 * the button; the handlers re-dispatch to the command named in the request.
 */
export const RERUN_OWNER = 'present';
/** Handler names: the button opens the form, the form runs the command. */
export const RERUN_BUTTON = 'rr';
export const RERUN_FORM = 'rm';

/** Where a button finds its request: in the custom id itself (`i`), or in storage by id (`s`). */
export type RequestRef = { kind: 'inline'; data: string } | { kind: 'stored'; id: string };

const isValue = (v: unknown): v is RerunValue =>
	typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/**
 * The request for a command's handler `args` (as `argsFor` made them: option values by name, plus `subcommand`).
 * Null when an option holds something a form cannot carry (a user, a channel, an attachment).
 */
export function requestFrom(
	command: string,
	args: Readonly<Record<string, unknown>>,
	prefer?: readonly string[],
): RerunRequest | null {
	const options: Record<string, RerunValue> = {};
	let subcommand: string | undefined;
	for (const [name, value] of Object.entries(args)) {
		if (value === undefined) continue;
		if (name === 'subcommand' && typeof value === 'string') subcommand = value;
		else if (isValue(value)) options[name] = value;
		else return null;
	}
	return {
		command,
		...(subcommand === undefined ? {} : { subcommand }),
		options,
		...(prefer && prefer.length > 0 ? { prefer: [...prefer] } : {}),
	};
}

/** A request as base64url JSON (no `:`), for a custom id. */
export function encodeRequest(request: RerunRequest): string {
	const compact = {
		c: request.command,
		...(request.subcommand === undefined ? {} : { s: request.subcommand }),
		o: request.options,
		...(request.prefer ? { p: request.prefer } : {}),
	};
	return Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
}

/** Reads {@link encodeRequest}'s output back; null for anything that is not a well-formed request (a forged id). */
export function decodeRequest(data: string): RerunRequest | null {
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	if (typeof parsed !== 'object' || parsed === null) return null;
	const { c, s, o, p } = parsed as { c?: unknown; s?: unknown; o?: unknown; p?: unknown };
	if (
		typeof c !== 'string' ||
		(s !== undefined && typeof s !== 'string') ||
		typeof o !== 'object' ||
		o === null ||
		Array.isArray(o)
	)
		return null;
	if (p !== undefined && !(Array.isArray(p) && p.every((name) => typeof name === 'string'))) return null;
	const options: Record<string, RerunValue> = {};
	for (const [name, value] of Object.entries(o)) {
		if (!isValue(value)) return null;
		options[name] = value;
	}
	return {
		command: c,
		...(s === undefined ? {} : { subcommand: s }),
		options,
		...(p === undefined ? {} : { prefer: p }),
	};
}

/** The custom id of the button (`rr`) or the form (`rm`) for a request reference. */
export function rerunCustomId(handler: typeof RERUN_BUTTON | typeof RERUN_FORM, ref: RequestRef): string {
	return ref.kind === 'inline'
		? customId(RERUN_OWNER, handler, 'i', ref.data)
		: customId(RERUN_OWNER, handler, 's', ref.id);
}

/** The inline reference when both custom ids fit in Discord's 100 characters, else null (store it). */
export function inlineRef(request: RerunRequest): RequestRef | null {
	const data = encodeRequest(request);
	const length = `${RERUN_OWNER}:${RERUN_BUTTON}:i:${data}`.length;
	return length <= CUSTOM_ID_MAX ? { kind: 'inline', data } : null;
}

/** The reference a custom id's arguments (after `present:rr:`) carry, or null when malformed. */
export function refFromArgs(args: readonly string[]): RequestRef | null {
	const [kind, value] = args;
	if (!value || args.length !== 2) return null;
	if (kind === 'i') return { kind: 'inline', data: value };
	if (kind === 's' && /^[A-Za-z0-9_-]{1,16}$/.test(value)) return { kind: 'stored', id: value };
	return null;
}
