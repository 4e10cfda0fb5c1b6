import { randomBytes } from 'node:crypto';
import type { Store } from '../store.js';

/** An option value a demo can be run again with (slash-command options of the primitive types). */
export type RerunValue = string | number | boolean;

/** A command invocation to run again: the command, its subcommand if any, and the option values it ran with. */
export interface RerunRequest {
	command: string;
	subcommand?: string;
	options: Record<string, RerunValue>;
	/** Options the command wants in the form first (a form holds five), most useful first. */
	prefer?: string[];
}

/** A "Run again with…" button on a message older than this says it has expired. */
export const RERUN_TTL_MS = 90 * 24 * 60 * 60_000;

/**
 * Invocations behind "Run again with…" buttons whose options do not fit in the button's 100-character custom id
 * (a long text). The id goes into the button instead, so the button works after a restart.
 */
export class RerunRequestRepository {
	constructor(private readonly store: Store) {}

	private key(id: string): string {
		return `rerun:${id}`;
	}

	/** Saves a request and returns its id: eight base64url characters (2^48 values), short enough for a custom id. */
	async save(request: RerunRequest): Promise<string> {
		const id = randomBytes(6).toString('base64url');
		await this.store.set(this.key(id), request, RERUN_TTL_MS);
		return id;
	}

	async get(id: string): Promise<RerunRequest | undefined> {
		return this.store.get<RerunRequest>(this.key(id));
	}
}
