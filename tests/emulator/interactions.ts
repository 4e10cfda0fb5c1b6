import {
	ApplicationCommandType,
	InteractionResponseType,
	MessageFlags,
	MessageType,
	type APIApplicationCommandOptionChoice,
	type APIMessageInteractionMetadata,
	type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { BuiltInteraction } from './interaction-payloads.js';
import type { InteractionKind, InteractionRecord } from './interaction-record.js';
import { createMessage, editMessage, type MessageInput, type UploadedFile } from './messages.js';
import type { StoredMessage } from './stored-message.js';
import type { World } from './world.js';

/** What a route handler answers. */
export interface RouteResult {
	status: number;
	body?: unknown;
}

/** Discord's timing rules for interactions. */
export interface InteractionRules {
	/** The first callback must arrive within this time of dispatch (Discord: 3 s). */
	responseWindowMs: number;
	/** The token works for webhook edits and follow-ups this long (Discord: 15 min). */
	tokenLifetimeMs: number;
}

export function discordError(status: number, code: number, message: string): RouteResult {
	return { status, body: { message, code } };
}

const UNKNOWN_INTERACTION = (): RouteResult => discordError(404, 10062, 'Unknown interaction');
const ALREADY_ACKNOWLEDGED = (): RouteResult => discordError(400, 40060, 'Interaction has already been acknowledged.');
const UNKNOWN_WEBHOOK = (): RouteResult => discordError(404, 10015, 'Unknown Webhook');
const UNKNOWN_MESSAGE = (): RouteResult => discordError(404, 10008, 'Unknown Message');

// Which callback types Discord accepts for which kind of interaction.
const ALLOWED_CALLBACKS: Record<InteractionKind, number[]> = {
	command: [
		InteractionResponseType.ChannelMessageWithSource,
		InteractionResponseType.DeferredChannelMessageWithSource,
		InteractionResponseType.Modal,
	],
	component: [
		InteractionResponseType.ChannelMessageWithSource,
		InteractionResponseType.DeferredChannelMessageWithSource,
		InteractionResponseType.DeferredMessageUpdate,
		InteractionResponseType.UpdateMessage,
		InteractionResponseType.Modal,
	],
	modal: [
		InteractionResponseType.ChannelMessageWithSource,
		InteractionResponseType.DeferredChannelMessageWithSource,
		InteractionResponseType.DeferredMessageUpdate,
		InteractionResponseType.UpdateMessage,
	],
	autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

/** The interactions in flight and Discord's rules for answering them (callbacks, @original, follow-ups). */
export class Interactions {
	readonly records = new Map<string, InteractionRecord>();
	private readonly byToken = new Map<string, InteractionRecord>();

	/** The interaction a webhook token belongs to. */
	recordByToken(token: string): InteractionRecord | undefined {
		return this.byToken.get(token);
	}

	constructor(
		private readonly world: World,
		private readonly rules: InteractionRules,
		private readonly baseUrl: () => string,
		private readonly changed: () => void,
	) {}

	create(built: BuiltInteraction, kind: InteractionKind, id: string, token: string): InteractionRecord {
		const record: InteractionRecord = {
			id,
			token,
			kind,
			payload: built.payload,
			guildId: built.guildId,
			channelId: built.channelId,
			userId: built.userId,
			...(built.commandName ? { commandName: built.commandName } : {}),
			...(built.componentMessageId ? { componentMessageId: built.componentMessageId } : {}),
			dispatchedAt: Date.now(),
			deliveredAt: null,
			lost: false,
			attempts: [],
			original: null,
			originalEdits: 0,
			followUps: [],
			modal: null,
			choices: null,
			errors: [],
			lastChangeAt: null,
		};
		this.records.set(id, record);
		this.byToken.set(token, record);
		return record;
	}

	/** `POST /interactions/{id}/{token}/callback`. */
	callback(
		id: string,
		token: string,
		body: { type?: number; data?: unknown },
		uploads: UploadedFile[],
		withResponse: boolean,
		receivedAt: number,
	): RouteResult {
		const record = this.records.get(id);
		if (!record || record.token !== token) return UNKNOWN_INTERACTION();
		const atMs = receivedAt - record.dispatchedAt;
		const type = Number(body.type) as InteractionResponseType;
		const refuse = (result: RouteResult): RouteResult => {
			const error = result.body as { code: number; message: string };
			record.attempts.push({ type, data: body.data, atMs, status: result.status, code: error.code });
			record.errors.push({
				method: 'POST',
				route: 'callback',
				status: result.status,
				code: error.code,
				message: error.message,
				atMs,
			});
			this.changed();
			return result;
		};
		if (record.attempts.some((a) => a.status < 300)) return refuse(ALREADY_ACKNOWLEDGED());
		if (atMs > this.rules.responseWindowMs) return refuse(UNKNOWN_INTERACTION());
		if (!ALLOWED_CALLBACKS[record.kind].includes(type)) {
			return refuse(
				discordError(400, 50035, `Interaction callback type ${type} is not valid for a ${record.kind} interaction`),
			);
		}
		if (
			(type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate) &&
			!record.componentMessageId
		) {
			return refuse(discordError(400, 50035, 'This interaction has no message to update'));
		}

		const data = (body.data ?? {}) as MessageInput;
		switch (type) {
			case InteractionResponseType.ChannelMessageWithSource:
				record.original = this.respond(record, data, uploads);
				break;
			case InteractionResponseType.DeferredChannelMessageWithSource: {
				const ephemeral = (data.flags ?? 0) & MessageFlags.Ephemeral;
				record.original = this.respond(record, { content: '', flags: MessageFlags.Loading | ephemeral }, []);
				break;
			}
			case InteractionResponseType.DeferredMessageUpdate:
				record.original = this.world.findMessage(record.componentMessageId ?? '') ?? null;
				break;
			case InteractionResponseType.UpdateMessage: {
				const target = this.world.findMessage(record.componentMessageId ?? '');
				if (!target) return refuse(UNKNOWN_MESSAGE());
				editMessage(this.world, target, data, uploads, this.baseUrl());
				record.original = target;
				break;
			}
			case InteractionResponseType.ApplicationCommandAutocompleteResult:
				record.choices = (body.data as { choices?: APIApplicationCommandOptionChoice[] } | undefined)?.choices ?? [];
				break;
			case InteractionResponseType.Modal:
				record.modal = body.data as APIModalInteractionResponseCallbackData;
				break;
			default:
				break;
		}
		record.attempts.push({ type, data: body.data, atMs, status: withResponse ? 200 : 204 });
		this.touch(record);
		if (!withResponse) return { status: 204 };
		const message = record.original?.message;
		return {
			status: 200,
			body: {
				interaction: {
					id: record.id,
					type: record.payload.type,
					...(message
						? {
								response_message_id: message.id,
								response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
								response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
							}
						: {}),
				},
				resource: { type, ...(message && type !== InteractionResponseType.DeferredMessageUpdate ? { message } : {}) },
			},
		};
	}

	/** Routes under `/webhooks/{application_id}/{token}`: @original, follow-ups and their edits. */
	webhook(
		method: string,
		params: Record<string, string>,
		messageId: string | undefined,
		body: MessageInput | undefined,
		uploads: UploadedFile[],
		wait: boolean,
		receivedAt: number,
	): RouteResult {
		const record = this.byToken.get(params.webhook_token ?? '');
		if (!record || params.webhook_id !== this.world.application.id) return UNKNOWN_WEBHOOK();
		const atMs = receivedAt - record.dispatchedAt;
		const fail = (result: RouteResult): RouteResult => {
			const error = result.body as { code: number; message: string };
			record.errors.push({
				method,
				route: messageId ?? 'webhook',
				status: result.status,
				code: error.code,
				message: error.message,
				atMs,
			});
			this.changed();
			return result;
		};
		if (atMs > this.rules.tokenLifetimeMs) return fail(discordError(401, 50027, 'Invalid Webhook Token'));
		// The interaction webhook exists only once the interaction is acknowledged.
		if (!record.attempts.some((a) => a.status < 300)) return fail(UNKNOWN_WEBHOOK());

		if (messageId === undefined) {
			if (method !== 'POST') return fail(discordError(405, 0, '405: Method Not Allowed'));
			const followUp = this.followUp(record, body ?? {}, uploads);
			return wait ? { status: 200, body: followUp.message } : { status: 204 };
		}
		const target =
			messageId === '@original' || messageId === record.original?.message.id
				? record.original
				: (record.followUps.find((m) => m.message.id === messageId) ?? null);
		if (!target || target.deleted) return fail(UNKNOWN_MESSAGE());
		switch (method) {
			case 'GET':
				return { status: 200, body: target.message };
			case 'PATCH':
				editMessage(this.world, target, body ?? {}, uploads, this.baseUrl());
				if (target === record.original) record.originalEdits += 1;
				this.touch(record);
				return { status: 200, body: target.message };
			case 'DELETE':
				target.deleted = true;
				this.touch(record);
				return { status: 204 };
			default:
				return fail(discordError(405, 0, '405: Method Not Allowed'));
		}
	}

	/** A follow-up; the first one after a deferral replaces the "thinking…" message (unless it was deleted), as Discord does. */
	private followUp(record: InteractionRecord, data: MessageInput, uploads: UploadedFile[]): StoredMessage {
		const original = record.original;
		const loading =
			original &&
			!original.deleted &&
			record.originalEdits === 0 &&
			((original.message.flags ?? 0) & MessageFlags.Loading) !== 0;
		if (
			loading &&
			record.attempts.some((a) => a.status < 300 && a.type === InteractionResponseType.DeferredChannelMessageWithSource)
		) {
			editMessage(this.world, original, data, uploads, this.baseUrl());
			record.originalEdits += 1;
			this.touch(record);
			return original;
		}
		const message = this.respond(record, data, uploads);
		record.followUps.push(message);
		this.touch(record);
		return message;
	}

	private respond(record: InteractionRecord, data: MessageInput, uploads: UploadedFile[]): StoredMessage {
		const metadata = {
			id: record.id,
			type: record.payload.type,
			user: this.world.users.get(record.userId),
			authorizing_integration_owners: { '0': record.guildId },
			...(record.componentMessageId ? { interacted_message_id: record.componentMessageId } : {}),
		} as APIMessageInteractionMetadata;
		const commandType = record.kind === 'command' ? ApplicationCommandType.ChatInput : undefined;
		return createMessage(this.world, {
			channelId: record.channelId,
			author: this.world.botUser,
			input: data,
			uploads,
			type: commandType === undefined ? MessageType.Default : MessageType.ChatInputCommand,
			webhookId: this.world.application.id,
			applicationId: this.world.application.id,
			interactionMetadata: metadata,
			interactionId: record.id,
			baseUrl: this.baseUrl(),
		});
	}

	private touch(record: InteractionRecord): void {
		record.lastChangeAt = Date.now();
		this.changed();
	}
}
