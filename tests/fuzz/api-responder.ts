import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import {
	Client,
	InteractionWebhook,
	MessageFlags,
	MessagePayload,
	type BaseMessageOptions,
	type MessagePayloadOption,
} from 'discord.js';
import type { Reply } from '../../src/core/reply.js';
import type { Responder } from '../../src/core/respond.js';
import { ephemeralFlags, messageBody, replacementBody } from '../../src/discord/payload.js';
import { validateRequest, type UploadedFileInfo } from '../spec/validate-request.js';

const APP = '1100000000000000001';
const INTERACTION = '1200000000000000001';
const TOKEN = 'aW50ZXJhY3Rpb24fuzz';

/** One request the bot would have sent, with what Discord's spec says of it. */
export interface ApiCall {
	method: string;
	path: string;
	body: unknown;
	files: UploadedFileInfo[];
	errors: string[];
}

// A client that never logs in: MessagePayload only reads its options (default allowed mentions).
const client = new Client({ intents: [] });
const webhook = new InteractionWebhook(client as Client<true>, APP, TOKEN);

/**
 * Turns what the dispatcher asks of a transport into the requests discord.js would send, using discord.js's own
 * MessagePayload (the code DiscordResponder's calls go through: body, flags, allowed mentions, attachments), and checks
 * each against Discord's OpenAPI spec and documented limits with the emulator's validator. It also keeps the calls
 * in order so a test can see what the member was finally shown.
 */
export class ApiResponder implements Responder {
	readonly calls: ApiCall[] = [];
	/** What the member sees at the end: the response message (after edits), then follow-ups. */
	readonly shown: { body: Record<string, unknown>; ephemeral: boolean }[] = [];
	private original: { body: Record<string, unknown>; ephemeral: boolean } | null = null;
	private deferredEphemeral = false;

	private async body(
		options: BaseMessageOptions & { flags?: MessageFlags },
	): Promise<{ body: Record<string, unknown>; files: UploadedFileInfo[] }> {
		const payload = await MessagePayload.create(webhook, options as MessagePayloadOption)
			.resolveBody()
			.resolveFiles();
		const files = (payload.files ?? []).map((f, i) => ({
			field: `files[${f.key ?? i}]`,
			filename: f.name,
			size: Buffer.byteLength(f.data as Buffer),
		}));
		return { body: payload.body as Record<string, unknown>, files };
	}

	private send(method: string, path: string, body: unknown, files: UploadedFileInfo[] = []): void {
		const { errors } = validateRequest(method, path, body, { files });
		this.calls.push({ method, path, body, files, errors });
	}

	private callback(type: number, data?: unknown, files: UploadedFileInfo[] = []): void {
		this.send(
			'POST',
			`/interactions/${INTERACTION}/${TOKEN}/callback`,
			data === undefined ? { type } : { type, data },
			files,
		);
	}

	async defer(ephemeral: boolean): Promise<void> {
		this.deferredEphemeral = ephemeral;
		this.callback(5, ephemeral ? { flags: MessageFlags.Ephemeral } : {});
	}

	async deferUpdate(): Promise<void> {
		this.callback(6);
	}

	async reply(reply: Reply): Promise<void> {
		const flags = ephemeralFlags(reply);
		const { body, files } = await this.body({ ...messageBody(reply), ...(flags ? { flags } : {}) });
		this.callback(4, body, files);
		this.original = { body, ephemeral: Boolean(flags) };
	}

	async update(reply: Reply): Promise<void> {
		const { body, files } = await this.body(replacementBody(reply));
		this.callback(7, body, files);
		this.original = { body, ephemeral: this.original?.ephemeral ?? Boolean(reply.ephemeral) };
	}

	async editOriginal(reply: Reply): Promise<void> {
		const { body, files } = await this.body(replacementBody(reply));
		this.send('PATCH', `/webhooks/${APP}/${TOKEN}/messages/@original`, body, files);
		this.original = { body, ephemeral: this.original?.ephemeral ?? this.deferredEphemeral };
	}

	async deleteOriginal(): Promise<void> {
		this.send('DELETE', `/webhooks/${APP}/${TOKEN}/messages/@original`, undefined);
		this.original = null;
	}

	async followUp(reply: Reply): Promise<void> {
		const flags = ephemeralFlags(reply);
		const { body, files } = await this.body({ ...messageBody(reply), ...(flags ? { flags } : {}) });
		this.send('POST', `/webhooks/${APP}/${TOKEN}`, body, files);
		this.shown.push({ body, ephemeral: Boolean(flags) });
	}

	async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
		this.callback(9, modal);
	}

	/** The messages visible at the end, the response first. */
	visible(): { body: Record<string, unknown>; ephemeral: boolean }[] {
		return [...(this.original ? [this.original] : []), ...this.shown];
	}
}

/** Who a message body would notify: mentions in its content that its allowed_mentions let through. */
export function pingedBy(body: Record<string, unknown>): { users: string[]; roles: string[]; everyone: boolean } {
	const content = typeof body.content === 'string' ? body.content : '';
	const allowed = body.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
	const parse = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
	const users = [...content.matchAll(/<@!?(\d{17,20})>/g)]
		.map((m) => m[1]!)
		.filter((id) => parse.includes('users') || allowed?.users?.includes(id));
	const roles = [...content.matchAll(/<@&(\d{17,20})>/g)]
		.map((m) => m[1]!)
		.filter((id) => parse.includes('roles') || allowed?.roles?.includes(id));
	return { users, roles, everyone: /@(everyone|here)\b/.test(content) && parse.includes('everyone') };
}
