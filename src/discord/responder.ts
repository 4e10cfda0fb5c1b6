import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import {
	DiscordAPIError,
	MessageFlags,
	MessagePayload,
	type ChatInputCommandInteraction,
	type MessageComponentInteraction,
	type ModalSubmitInteraction,
} from 'discord.js';
import type { Reply } from '../core/reply.js';
import type { Responder } from '../core/respond.js';
import { ephemeralFlags, messageBody, replacementBody } from './payload.js';

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/**
 * Sends an interaction's first response. When Discord applied it but the answer was lost (a 5xx after the fact),
 * discord.js retries and meets InteractionHasAlreadyBeenAcknowledged (40060), and leaves the interaction marked as unanswered: every later edit would then be
 * refused and the member would watch "thinking…" until it fails (tests/faults/rest.e2e.test.ts). The router handles an
 * interaction once, so the acknowledgement Discord has is this one: mark it as discord.js would have, and go on.
 */
async function acknowledge(send: () => Promise<unknown>, applied: () => void): Promise<void> {
	try {
		await send();
	} catch (error) {
		if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged))
			throw error;
		applied();
	}
}

/**
 * The {@link Responder} operations on a discord.js interaction. First responses (callbacks) go through discord.js;
 * edits, deletions and follow-ups go to the interaction's webhook through `webhookRest`, a REST client of their own:
 * Discord does not count interaction webhooks against the bot's global limit of 50 requests a second, but discord.js's
 * shared client would, which caps a busy meeting at 50 deferred answers a second.
 */
export class DiscordResponder implements Responder {
	constructor(
		private readonly interaction: Answerable,
		private readonly webhookRest: REST,
	) {}

	private async webhookMessage(
		method: 'post' | 'patch',
		route: `/${string}`,
		options: Parameters<typeof MessagePayload.create>[1],
	): Promise<void> {
		const { body, files } = await MessagePayload.create(this.interaction.webhook, options).resolveBody().resolveFiles();
		await this.webhookRest[method](route, { body, files: files ?? undefined, auth: false });
	}

	async defer(ephemeral: boolean): Promise<void> {
		const i = this.interaction;
		await acknowledge(
			() => i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
			() => {
				i.deferred = true;
				i.ephemeral = ephemeral;
			},
		);
	}

	async deferUpdate(): Promise<void> {
		const i = this.interaction;
		if (i.isChatInputCommand()) throw new Error('deferUpdate is only for components and modals');
		await acknowledge(
			() => i.deferUpdate(),
			() => (i.deferred = true),
		);
	}

	async reply(reply: Reply): Promise<void> {
		const i = this.interaction;
		const flags = ephemeralFlags(reply);
		await acknowledge(
			() => i.reply({ ...messageBody(reply), ...(flags ? { flags } : {}) }),
			() => {
				i.replied = true;
				i.ephemeral = Boolean(flags);
			},
		);
	}

	async update(reply: Reply): Promise<void> {
		const i = this.interaction;
		if (i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage())) {
			await acknowledge(
				() => i.update(replacementBody(reply)),
				() => (i.replied = true),
			);
			return;
		}
		await this.reply(reply);
	}

	async editOriginal(reply: Reply): Promise<void> {
		const i = this.interaction;
		await this.webhookMessage(
			'patch',
			Routes.webhookMessage(i.applicationId, i.token, '@original'),
			replacementBody(reply),
		);
	}

	async deleteOriginal(): Promise<void> {
		const i = this.interaction;
		await this.webhookRest.delete(Routes.webhookMessage(i.applicationId, i.token, '@original'), { auth: false });
	}

	async followUp(reply: Reply): Promise<void> {
		const i = this.interaction;
		const flags = ephemeralFlags(reply);
		await this.webhookMessage('post', Routes.webhook(i.applicationId, i.token), {
			...messageBody(reply),
			...(flags ? { flags } : {}),
		});
	}

	async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
		const i = this.interaction;
		if (i.isModalSubmit()) throw new Error('a modal cannot answer a modal');
		await acknowledge(
			() => i.showModal(modal),
			() => (i.replied = true),
		);
	}
}
