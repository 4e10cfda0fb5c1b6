import { queueNotice, withQueueNotice } from '../compute/queue-notice.js';
import { shownCommandName } from '../i18n/command-texts.js';
import { languageOf, t, withLanguage, type MessageKey } from '../i18n/index.js';
import type { Logger } from 'pino';
import { argsFor, type RawInvocation } from './args.js';
import type { AnyCommand, DeferMode } from './command.js';
import type { BaseContext, ComponentContext, ModalContext } from './context.js';
import { parseCustomId } from './custom-id.js';
import type { Deps } from './deps.js';
import { UserError } from './errors.js';
import { LIMITS, truncate } from './limits.js';
import type { Registry } from './registry.js';
import { MemberRateLimiter, rateLimitMessage } from './rate-limit.js';
import type { HandlerResponse, Reply } from './reply.js';
import { respond, type Responder, type RespondOutcome } from './respond.js';
import type {
	AutocompleteChoice,
	InteractionBase,
	InteractionKind,
	MessageRef,
	OutcomeListener,
} from './interaction.js';

/** A component or modal handler, as the dispatcher calls it. */
interface CustomIdHandler<C> {
	defer?: DeferMode | 'update';
	run(ctx: C): HandlerResponse | Promise<HandlerResponse>;
}

/** What a member reads when a button or form belongs to a command or handler the bot no longer has. */
const UNKNOWN_CUSTOM_ID: Record<'component' | 'modal', MessageKey> = {
	component: 'core.stale.component',
	modal: 'core.stale.modal',
};

export interface DispatcherOptions {
	registry: Registry;
	deps: Deps;
	log: Logger;
	autoDeferMs?: number;
	onOutcome?: OutcomeListener;
}

/**
 * Routes interactions to command handlers and answers them through a {@link Responder}. The Discord transport,
 * the local mode and the tests all go through here, so they behave the same.
 */
export class Dispatcher {
	private readonly limiter = new MemberRateLimiter();

	constructor(private readonly options: DispatcherOptions) {}

	private childLog(base: InteractionBase, kind: string, name: string): Logger {
		return this.options.log.child({
			interaction: base.interactionId,
			kind,
			command: name,
			guild: base.guildId,
			user: base.user.id,
		});
	}

	private finish(
		base: InteractionBase,
		kind: InteractionKind,
		name: string,
		log: Logger,
		started: number,
		outcome: RespondOutcome,
	): RespondOutcome {
		const latencyMs = Date.now() - started;
		const error = outcome.error;
		const result = outcome.ok ? 'ok' : error instanceof UserError ? 'user-error' : 'error';
		log.info(
			{ latencyMs, outcome: result, deferred: outcome.deferred, referenceId: outcome.referenceId },
			'interaction handled',
		);
		this.options.onOutcome?.({
			kind,
			name,
			latencyMs,
			outcome: result,
			errorCode: error instanceof UserError ? error.code : undefined,
			guildId: base.guildId,
			user: base.user,
		});
		return outcome;
	}

	private command(name: string): AnyCommand {
		const command = this.options.registry.get(name);
		if (!command) throw new UserError(t('core.stale.command', { command: name }), 'command.unknown');
		return command;
	}

	/** Handles a slash command. */
	async runCommand(
		base: InteractionBase,
		name: string,
		raw: RawInvocation,
		responder: Responder,
	): Promise<RespondOutcome> {
		const started = Date.now();
		const log = this.childLog(base, 'command', raw.subcommand ? `${name} ${raw.subcommand}` : name);
		const command = this.options.registry.get(name);
		// Checked before any deferral, so a limited member gets the wait time privately at once.
		const limited = command?.cooldown
			? this.limiter.take(
					`${base.guildId ?? 'dm'}:${base.user.id}:${name}`,
					command.cooldown,
					this.options.deps.clock.now().getTime(),
				)
			: ({ ok: true } as const);
		const outcome = await withLanguage(languageOf(base.locale), () =>
			respond(
				responder,
				async (update) => {
					if (!limited.ok) throw new UserError(rateLimitMessage(name, limited.retryAfterMs), 'rate-limited');
					const found = this.command(name);
					const args = argsFor(found.data, raw);
					// A demo waiting for a worker thread shows the member their place in line until its answer comes.
					return withQueueNotice(queueNotice(update, shownCommandName(name)), () =>
						found.run({ ...this.context(base, log, update), commandName: name, args }),
					);
				},
				{
					kind: 'command',
					defer: limited.ok ? command?.defer : false,
					lateDefer: lateDeferOf(command, raw),
					createdAt: base.createdAt,
					autoDeferMs: this.options.autoDeferMs,
					log,
				},
			),
		);
		return this.finish(base, 'command', name, log, started, outcome);
	}

	/** Handles a button or select menu. */
	runComponent(
		base: InteractionBase,
		customId: string,
		values: string[],
		message: MessageRef,
		responder: Responder,
	): Promise<RespondOutcome> {
		return this.runCustomId(
			'component',
			base,
			customId,
			responder,
			(command, handler) => command.components?.[handler],
			(ctx): ComponentContext => ({ ...ctx, values, message }),
		);
	}

	/** Handles a modal submission. */
	runModal(
		base: InteractionBase,
		customId: string,
		fields: Readonly<Record<string, string>>,
		message: MessageRef | null,
		responder: Responder,
	): Promise<RespondOutcome> {
		return this.runCustomId(
			'modal',
			base,
			customId,
			responder,
			(command, handler) => command.modals?.[handler],
			(ctx): ModalContext => ({ ...ctx, fields, message }),
		);
	}

	/**
	 * Routes a component or a modal by its custom id (`command:handler:args`) to the handler `find` picks from the
	 * command, with the context `extend` completes; an id no command knows any more gets a message to run it again.
	 */
	private async runCustomId<C>(
		kind: 'component' | 'modal',
		base: InteractionBase,
		customId: string,
		responder: Responder,
		find: (command: AnyCommand, handler: string) => CustomIdHandler<C> | undefined,
		extend: (ctx: BaseContext & { customId: string; args: string[] }) => C,
	): Promise<RespondOutcome> {
		const started = Date.now();
		const parsed = safeParse(customId);
		const log = this.childLog(base, kind, parsed ? `${parsed.command}:${parsed.handler}` : customId);
		const command = parsed ? this.options.registry.get(parsed.command) : undefined;
		const handler = parsed && command ? find(command, parsed.handler) : undefined;
		const outcome = await withLanguage(languageOf(base.locale), () =>
			respond(
				responder,
				async (update) => {
					if (!parsed || !handler) throw new UserError(t(UNKNOWN_CUSTOM_ID[kind]), `${kind}.unknown`);
					return handler.run(extend({ ...this.context(base, log, update), customId, args: parsed.args }));
				},
				{ kind, defer: handler?.defer, createdAt: base.createdAt, autoDeferMs: this.options.autoDeferMs, log },
			),
		);
		return this.finish(base, kind, parsed?.command ?? 'unknown', log, started, outcome);
	}

	/** Answers autocomplete; never throws (an empty list is the safe answer). */
	async runAutocomplete(
		base: InteractionBase,
		name: string,
		raw: RawInvocation,
		focused: { name: string; value: string },
	): Promise<AutocompleteChoice[]> {
		const started = Date.now();
		const log = this.childLog(base, 'autocomplete', name);
		const command = this.options.registry.get(name);
		let outcome: 'ok' | 'error' = 'ok';
		let choices: AutocompleteChoice[] = [];
		try {
			if (command?.autocomplete) {
				const autocomplete = command.autocomplete.bind(command);
				choices = await withLanguage(languageOf(base.locale), () =>
					autocomplete({
						user: base.user,
						guildId: base.guildId,
						locale: base.locale,
						deps: this.options.deps,
						log,
						args: raw.options,
						subcommand: raw.subcommand ?? null,
						focused,
					}),
				);
			}
		} catch (error) {
			outcome = 'error';
			log.warn({ err: error }, 'autocomplete failed');
		}
		this.options.onOutcome?.({ kind: 'autocomplete', name, latencyMs: Date.now() - started, outcome });
		return choices.slice(0, LIMITS.autocompleteChoices).map((c) => ({
			name: truncate(c.name, LIMITS.choiceName),
			value: typeof c.value === 'string' ? c.value.slice(0, 100) : c.value,
		}));
	}

	private context(base: InteractionBase, log: Logger, update: (reply: Reply) => Promise<void>): BaseContext {
		return {
			interactionId: base.interactionId,
			user: base.user,
			guildId: base.guildId,
			channelId: base.channelId,
			locale: base.locale,
			guildLocale: base.guildLocale ?? null,
			deps: this.options.deps,
			log,
			update,
		};
	}
}

function safeParse(customId: string) {
	try {
		return parseCustomId(customId);
	} catch {
		return null;
	}
}

/** How a late command is deferred, from its own `lateDefer`; public when its options cannot be read (that fails fast). */
function lateDeferOf(command: AnyCommand | undefined, raw: RawInvocation): 'ephemeral' | 'public' | undefined {
	if (!command?.lateDefer) return undefined;
	try {
		return command.lateDefer(argsFor(command.data, raw));
	} catch {
		return undefined;
	}
}
