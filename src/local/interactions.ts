import {
	ComponentType,
	PermissionFlagsBits,
	type APIMessageComponent,
	type APIModalInteractionResponseCallbackData,
	RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import type { App } from '../app.js';
import type { AutocompleteChoice, InteractionBase } from '../core/interaction.js';
import { UserError } from '../core/errors.js';
import { respond, type RespondOutcome } from '../core/respond.js';
import { optionsFor, parseCommandLine } from './command-line.js';
import type { LocalMember } from './guild.js';
import { LocalApiError, type LocalMessage } from './message.js';
import { checkModalFields } from './modal.js';
import { resolveOptions } from './resolve.js';
import type { LocalResponder } from './responder.js';
import type { LocalWorkspace } from './workspace.js';

/** What one local interaction did. */
export interface LocalInteractionResult {
	outcome: RespondOutcome;
	/** The modal the handler opened instead of answering, if any. */
	modal: APIModalInteractionResponseCallbackData | null;
	/** The messages the interaction created (ephemeral ones included), as they are now. */
	messages: LocalMessage[];
}

interface PendingModal {
	modal: APIModalInteractionResponseCallbackData;
	channelId: string;
	messageId: string | null;
}

/** The part of the App a local transport needs. */
export type LocalAppParts = Pick<App, 'dispatcher' | 'registry' | 'log'>;

function findComponent(message: LocalMessage, customId: string): APIMessageComponent | undefined {
	for (const row of message.components) {
		for (const component of row.components)
			if ('custom_id' in component && component.custom_id === customId) return component;
	}
	return undefined;
}

/**
 * The local transport: turns what a member does in the page (a typed command line, a click, a modal submit) into
 * the dispatcher's calls, as the Discord router does for gateway interactions, and answers into the workspace.
 * Tests of features use it to act as a member: `await local.command('/help', workspace.member('Ada')!)`.
 */
export class LocalInteractions {
	private readonly pendingModals = new Map<string, PendingModal>();

	constructor(
		private readonly workspace: LocalWorkspace,
		private readonly app: LocalAppParts,
	) {}

	private base(member: LocalMember, channelId: string): InteractionBase {
		this.workspace.requireChannel(channelId);
		return {
			interactionId: this.workspace.nextId(),
			user: this.workspace.actor(member),
			guildId: this.workspace.guild.id,
			channelId,
			// What the page's language pickers chose: the member's Discord language and the server's.
			locale: member.locale ?? 'en-US',
			guildLocale: this.workspace.guild.preferredLocale,
			// Real time, not the workspace clock: the dispatcher's auto-defer measures Discord's 3 s window with it.
			createdAt: Date.now(),
		};
	}

	private result(
		responder: LocalResponder,
		outcome: RespondOutcome,
		member: LocalMember,
		channelId: string,
		messageId: string | null,
	): LocalInteractionResult {
		if (responder.modal) this.pendingModals.set(member.id, { modal: responder.modal, channelId, messageId });
		const messages = responder.created
			.map((id) => this.workspace.message(id))
			.filter((m): m is LocalMessage => m !== undefined);
		return { outcome, modal: responder.modal, messages };
	}

	/** Answers with an ephemeral ❌ through the same lifecycle as a handler's error, for input refused before dispatch. */
	private async refuse(error: UserError, base: InteractionBase, responder: LocalResponder): Promise<RespondOutcome> {
		return respond(
			responder,
			async () => {
				throw error;
			},
			{ kind: 'command', createdAt: base.createdAt, log: this.app.log },
		);
	}

	/** Runs a typed slash command (`/tokenize text:Hello encoding:gpt-4o`) as `member` in a channel. */
	async command(
		line: string,
		member: LocalMember,
		channelId: string = this.workspace.ids.channels.general,
	): Promise<LocalInteractionResult> {
		const base = this.base(member, channelId);
		const name = /^\s*\/(\S*)/u.exec(line)?.[1]?.toLowerCase() ?? '';
		const info = {
			id: base.interactionId,
			kind: 'command' as const,
			channelId,
			member,
			commandName: name || null,
			sourceMessageId: null,
		};
		const responder = this.workspace.responder(info);
		let outcome: RespondOutcome;
		try {
			const parsed = parseCommandLine(line, (n) => this.app.registry.get(n)?.data);
			const command = this.app.registry.get(parsed.name);
			const required = command?.data.default_member_permissions;
			if (required && !hasPermissions(base.user.permissions, BigInt(required)))
				throw new UserError(`You do not have permission to use /${parsed.name}.`, 'local.permission');
			const options = command
				? resolveOptions(this.workspace, optionsFor(command.data, parsed.subcommand), parsed.options)
				: parsed.options;
			outcome = await this.app.dispatcher.runCommand(
				base,
				parsed.name,
				{ subcommand: parsed.subcommand, options },
				responder,
			);
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			outcome = await this.refuse(error, base, responder);
		}
		return this.result(responder, outcome, member, channelId, null);
	}

	/** The suggestions for the option being typed at the end of `line`, from the command's autocomplete handler. */
	async autocomplete(
		line: string,
		member: LocalMember,
		channelId: string,
		focused: { name: string; value: string },
	): Promise<AutocompleteChoice[]> {
		const parsed = parseCommandLine(line, (n) => this.app.registry.get(n)?.data);
		return this.app.dispatcher.runAutocomplete(
			this.base(member, channelId),
			parsed.name,
			{ subcommand: parsed.subcommand, options: parsed.options },
			focused,
		);
	}

	/** Posts a plain message as the member (the bot does not read it; it is there to talk and to test rendering). */
	say(text: string, member: LocalMember, channelId: string = this.workspace.ids.channels.general): LocalMessage {
		return this.workspace.createMessage(channelId, { id: member.id, name: member.name, bot: false }, { content: text });
	}

	/**
	 * Clicks a button (no `values`) or picks options of a select menu on a message. Refuses what Discord's client
	 * cannot do: a component that is not on the message, is disabled, or values outside the menu's options and counts.
	 */
	async click(
		messageId: string,
		customId: string,
		member: LocalMember,
		values: string[] = [],
	): Promise<LocalInteractionResult> {
		const message = this.workspace.requireMessage(messageId);
		if (message.visibleTo && message.visibleTo !== member.id)
			throw new LocalApiError(RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
		const component = findComponent(message, customId);
		if (!component)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: the message has no component ${customId}`,
			);
		if ('disabled' in component && component.disabled)
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				`Invalid Form Body: ${customId} is disabled`,
			);
		if (component.type === ComponentType.StringSelect) {
			const min = component.min_values ?? 1;
			const max = component.max_values ?? 1;
			if (values.length < min || values.length > max)
				throw new LocalApiError(
					RESTJSONErrorCodes.InvalidFormBodyOrContentType,
					`Invalid Form Body: choose ${min}–${max} options`,
				);
			const allowed = new Set(component.options.map((o) => o.value));
			if (values.some((v) => !allowed.has(v)) || new Set(values).size !== values.length)
				throw new LocalApiError(
					RESTJSONErrorCodes.InvalidFormBodyOrContentType,
					'Invalid Form Body: a value is not one of the options',
				);
		} else if (values.length > 0) {
			throw new LocalApiError(
				RESTJSONErrorCodes.InvalidFormBodyOrContentType,
				'Invalid Form Body: a button has no values',
			);
		}
		const base = this.base(member, message.channelId);
		const summary =
			component.type === ComponentType.Button
				? `clicked “${('label' in component ? component.label : undefined) ?? customId}”`
				: `chose from “${'placeholder' in component ? (component.placeholder ?? 'a menu') : 'a menu'}”`;
		const responder = this.workspace.responder({
			id: base.interactionId,
			kind: 'component',
			channelId: message.channelId,
			member,
			commandName: null,
			sourceMessageId: message.id,
			summary,
		});
		const outcome = await this.app.dispatcher.runComponent(
			base,
			customId,
			values,
			{ id: message.id, ephemeral: message.visibleTo !== null },
			responder,
		);
		return this.result(responder, outcome, member, message.channelId, message.id);
	}

	/** The modal last opened for a member and not yet submitted. */
	pendingModal(member: LocalMember): APIModalInteractionResponseCallbackData | null {
		return this.pendingModals.get(member.id)?.modal ?? null;
	}

	/** Submits the member's open modal with text input values by custom id, checked as Discord's client checks them. */
	async submitModal(
		customId: string,
		fields: Readonly<Record<string, string>>,
		member: LocalMember,
	): Promise<LocalInteractionResult> {
		const pending = this.pendingModals.get(member.id);
		if (!pending || pending.modal.custom_id !== customId)
			throw new LocalApiError(RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction: no such modal is open');
		const values = checkModalFields(pending.modal, fields);
		this.pendingModals.delete(member.id);
		const source = pending.messageId ? this.workspace.message(pending.messageId) : undefined;
		const messageRef = source ? { id: source.id, ephemeral: source.visibleTo !== null } : null;
		const base = this.base(member, pending.channelId);
		const responder = this.workspace.responder({
			id: base.interactionId,
			kind: 'modal',
			channelId: pending.channelId,
			member,
			commandName: null,
			sourceMessageId: source?.id ?? null,
			summary: `submitted “${pending.modal.title}”`,
		});
		const outcome = await this.app.dispatcher.runModal(base, customId, values, messageRef, responder);
		return this.result(responder, outcome, member, pending.channelId, null);
	}

	/** Closes a member's open modal without submitting it (Discord sends nothing to the bot then). */
	dismissModal(member: LocalMember): void {
		this.pendingModals.delete(member.id);
	}
}

function hasPermissions(have: bigint, need: bigint): boolean {
	return (have & PermissionFlagsBits.Administrator) !== 0n || (have & need) === need;
}
