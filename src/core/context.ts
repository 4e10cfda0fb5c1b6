import type { Logger } from 'pino';
import type { Actor } from './actor.js';
import type { Deps } from './deps.js';
import type { MessageRef } from './interaction.js';
import type { Reply } from './reply.js';

/** What every handler receives besides its arguments. */
export interface BaseContext {
	interactionId: string;
	user: Actor;
	guildId: string | null;
	channelId: string;
	/** The member's Discord client locale, e.g. `en-US`, `ko`. */
	locale: string;
	/** The server's preferred locale (Discord's `guild_locale`), null in DMs or when the transport does not know it. */
	guildLocale: string | null;
	deps: Deps;
	log: Logger;
	/**
	 * Shows an intermediate state of the reply (progress, a streamed answer) before the handler returns.
	 * The handler's return value is always the final state.
	 */
	update(reply: Reply): Promise<void>;
}

export interface CommandContext<A> extends BaseContext {
	commandName: string;
	args: A;
}

export interface ComponentContext extends BaseContext {
	customId: string;
	/** The custom id's arguments after `command:handler:`. */
	args: string[];
	/** Selected values, for select menus. */
	values: string[];
	/** The message the component is attached to. */
	message: MessageRef;
}

export interface ModalContext extends BaseContext {
	customId: string;
	args: string[];
	/** Text input values by custom id. */
	fields: Readonly<Record<string, string>>;
	/** The message whose component opened the modal, if any. */
	message: MessageRef | null;
}

export interface AutocompleteContext<A> {
	user: Actor;
	guildId: string | null;
	locale: string;
	deps: Deps;
	log: Logger;
	/** The options typed so far (values may be partial or not yet valid). */
	args: Partial<A>;
	subcommand: string | null;
	focused: { name: string; value: string };
}
