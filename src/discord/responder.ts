import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { MessageFlags, type ChatInputCommandInteraction, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { Reply } from '../core/reply.js';
import type { Responder } from '../core/respond.js';
import { ephemeralFlags, messageBody, replacementBody } from './payload.js';

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/** The {@link Responder} operations on a discord.js interaction. */
export class DiscordResponder implements Responder {
	constructor(private readonly interaction: Answerable) {}

	async defer(ephemeral: boolean): Promise<void> {
		await this.interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
	}

	async deferUpdate(): Promise<void> {
		const i = this.interaction;
		if (i.isChatInputCommand()) throw new Error('deferUpdate is only for components and modals');
		await i.deferUpdate();
	}

	async reply(reply: Reply): Promise<void> {
		const flags = ephemeralFlags(reply);
		await this.interaction.reply({ ...messageBody(reply), ...(flags ? { flags } : {}) });
	}

	async update(reply: Reply): Promise<void> {
		const i = this.interaction;
		if (i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage())) {
			await i.update(replacementBody(reply));
			return;
		}
		await this.reply(reply);
	}

	async editOriginal(reply: Reply): Promise<void> {
		await this.interaction.editReply(replacementBody(reply));
	}

	async deleteOriginal(): Promise<void> {
		await this.interaction.deleteReply();
	}

	async followUp(reply: Reply): Promise<void> {
		const flags = ephemeralFlags(reply);
		await this.interaction.followUp({ ...messageBody(reply), ...(flags ? { flags } : {}) });
	}

	async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
		const i = this.interaction;
		if (i.isModalSubmit()) throw new Error('a modal cannot answer a modal');
		await i.showModal(modal);
	}
}
