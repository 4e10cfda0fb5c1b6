import type { AutocompleteContext, CommandContext, ComponentContext, ModalContext } from './context.js';
import type { AutocompleteChoice } from './interaction.js';
import type { ArgumentsOf, CommandData } from './options.js';
import type { HandlerResponse } from './reply.js';
import type { Cooldown } from './rate-limit.js';

type Awaitable<X> = X | Promise<X>;

/**
 * How a command's first response is sent.
 * - `false`: the handler is fast; it replies directly (the transport still defers if it is late).
 * - `true`: defer at once, publicly; the final reply edits the deferred one.
 * - `'ephemeral'`: defer at once, visible only to the member.
 */
export type DeferMode = boolean | 'ephemeral';

export interface ComponentHandler {
	defer?: DeferMode | 'update';
	run(ctx: ComponentContext): Awaitable<HandlerResponse>;
}

export interface ModalHandler {
	defer?: DeferMode | 'update';
	run(ctx: ModalContext): Awaitable<HandlerResponse>;
}

export interface Command<D extends CommandData = CommandData> {
	data: D;
	defer?: DeferMode;
	/**
	 * How the transport defers when the handler is late (default `'public'`). A command whose reply is private says
	 * `'ephemeral'`, so that on a busy bot the member's "thinking…" is not shown to the whole channel first (a public
	 * deferral cannot turn private: it would be deleted and the answer sent as a private follow-up).
	 */
	lateDefer?: (args: ArgumentsOf<D>) => 'ephemeral' | 'public';
	/** Which help section lists it. */
	audience?: 'member' | 'presenter' | 'organizer';
	/** For expensive commands: at most `uses` runs per member in `perMs`; more get the wait time, at once. */
	cooldown?: Cooldown;
	run(ctx: CommandContext<ArgumentsOf<D>>): Awaitable<HandlerResponse>;
	autocomplete?(ctx: AutocompleteContext<ArgumentsOf<D>>): Awaitable<AutocompleteChoice[]>;
	/** Button and select-menu handlers, keyed by the handler part of the custom id. */
	components?: Readonly<Record<string, ComponentHandler>>;
	/** Modal-submit handlers, keyed by the handler part of the custom id. */
	modals?: Readonly<Record<string, ModalHandler>>;
}

/**
 * A command of any definition, as the registry and transports hold it: its handlers take any arguments (the
 * transport builds them from the definition), while its definition keeps the `CommandData` type.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the arguments' type is each command's own */
export interface AnyCommand extends Omit<Command, 'lateDefer' | 'run' | 'autocomplete'> {
	lateDefer?(args: any): 'ephemeral' | 'public';
	run(ctx: CommandContext<any>): Awaitable<HandlerResponse>;
	autocomplete?(ctx: AutocompleteContext<any>): Awaitable<AutocompleteChoice[]>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Declares a command. `const` inference keeps option names, types and choices literal, so `args` is typed
 * from `data.options` without casts.
 */
export function defineCommand<const D extends CommandData>(command: Command<D>): Command<D> {
	return command;
}
