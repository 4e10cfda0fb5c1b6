import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Reply } from '../core/reply.js';
import type { Responder } from '../core/respond.js';
import type { InteractionKind } from '../core/interaction.js';
import type { LocalMember } from './guild.js';
import { LocalApiError, type LocalMessage } from './message.js';
import type { WorkspaceState } from './workspace-state.js';

/** One interaction, as the local transport knows it. */
export interface LocalInteractionInfo {
	id: string;
	kind: InteractionKind;
	channelId: string;
	member: LocalMember;
	/** For slash commands: shown as "<member> used /name" above the answer. */
	commandName: string | null;
	/** For a component, or a modal opened from one: the message it sits on. */
	sourceMessageId: string | null;
	/** What the member did, shown above the answer: "used /help", "clicked “Add one”", "submitted “Feedback”". */
	summary?: string;
}

/**
 * The {@link Responder} of one local interaction: answers become messages in the workspace. It enforces Discord's
 * order (acknowledge once, then edit or follow up), so a feature that breaks it fails here as it would in Discord.
 */
export class LocalResponder implements Responder {
	/** The modal the handler opened, for the page to show; null if it answered otherwise. */
	modal: APIModalInteractionResponseCallbackData | null = null;
	/** Ids of the messages this interaction created, in order. */
	readonly created: string[] = [];
	private acknowledged = false;
	private originalId: string | null = null;

	constructor(
		private readonly workspace: WorkspaceState,
		private readonly info: LocalInteractionInfo,
	) {}

	/** The message the interaction's response is (after defer or reply), or the component's message after an update. */
	get original(): LocalMessage | undefined {
		return this.originalId ? this.workspace.message(this.originalId) : undefined;
	}

	private acknowledge(): void {
		if (this.acknowledged)
			throw new LocalApiError(
				RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
				'Interaction has already been acknowledged',
			);
		this.acknowledged = true;
	}

	private requireAcknowledged(): void {
		// Discord knows no webhook for an interaction that was never answered.
		if (!this.acknowledged) throw new LocalApiError(RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
	}

	private post(reply: Reply | null, ephemeral: boolean): LocalMessage {
		const { member, id, commandName, channelId } = this.info;
		const summary = this.info.summary ?? (commandName ? `used /${commandName}` : 'used a component');
		const message = this.workspace.createMessage(channelId, this.workspace.bot, reply, {
			visibleTo: ephemeral ? member.id : null,
			interaction: { id, user: { id: member.id, name: member.name }, commandName, summary },
		});
		this.created.push(message.id);
		return message;
	}

	async defer(ephemeral: boolean): Promise<void> {
		this.acknowledge();
		this.originalId = this.post(null, ephemeral).id;
	}

	async deferUpdate(): Promise<void> {
		if (!this.info.sourceMessageId)
			throw new LocalApiError(
				RESTJSONErrorCodes.ApplicationInteractionFailedToSend,
				'Interaction has no message to update',
			);
		this.acknowledge();
		this.originalId = this.info.sourceMessageId;
	}

	async reply(reply: Reply): Promise<void> {
		this.acknowledge();
		this.originalId = this.post(reply, reply.ephemeral === true).id;
	}

	async update(reply: Reply): Promise<void> {
		const source = this.info.sourceMessageId;
		if (!source) return this.reply(reply);
		this.acknowledge();
		this.workspace.replaceMessage(source, reply);
		this.originalId = source;
	}

	async editOriginal(reply: Reply): Promise<void> {
		this.requireAcknowledged();
		if (!this.originalId) throw new LocalApiError(RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
		this.workspace.replaceMessage(this.originalId, reply);
	}

	async deleteOriginal(): Promise<void> {
		this.requireAcknowledged();
		if (!this.originalId) throw new LocalApiError(RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
		this.workspace.deleteMessage(this.originalId);
		this.originalId = null;
	}

	async followUp(reply: Reply): Promise<void> {
		this.requireAcknowledged();
		this.post(reply, reply.ephemeral === true);
	}

	async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
		if (this.info.kind === 'modal')
			throw new LocalApiError(
				RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
				'A modal cannot answer a modal',
			);
		this.acknowledge();
		this.modal = modal;
	}
}
