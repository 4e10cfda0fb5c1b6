import type { Actor } from './actor.js';

/** The interactions a handler answers through a responder (autocomplete is answered with choices instead). */
export type InteractionKind = 'command' | 'component' | 'modal';

/** What every transport knows about an interaction, before it is routed. */
export interface InteractionBase {
	interactionId: string;
	user: Actor;
	guildId: string | null;
	channelId: string;
	locale: string;
	/** The server's preferred language (Discord's `guild_locale`), for public posts; absent in DMs. */
	guildLocale?: string | null;
	/** Milliseconds since the epoch, from the interaction's snowflake id. */
	createdAt: number;
}

/** The message a component or modal was used on. */
export interface MessageRef {
	id: string;
	ephemeral: boolean;
}

/** One suggestion in an autocomplete answer. */
export interface AutocompleteChoice {
	name: string;
	value: string | number;
}

/** Called once per handled interaction, for metrics and for counting members' demo runs (/progress). */
export type OutcomeListener = (event: {
	kind: InteractionKind | 'autocomplete';
	name: string;
	latencyMs: number;
	outcome: 'ok' | 'user-error' | 'error';
	errorCode?: string;
	/** Where and by whom (absent for autocomplete). */
	guildId?: string | null;
	user?: Actor;
}) => void;
