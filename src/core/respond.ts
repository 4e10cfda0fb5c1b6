import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { DeferMode } from './command.js';
import { errorReply, newReferenceId } from './error-reply.js';
import type { InteractionKind } from './interaction.js';
import { isUserError } from './errors.js';
import { fitReply } from './limits.js';
import { isModalReply, type HandlerResponse, type Reply } from './reply.js';

/**
 * The few operations a transport offers on one interaction. discord.js implements them in `src/discord/`, the local
 * mode in `src/local/`, tests in memory; {@link respond} decides which to call and when.
 */
export interface Responder {
	/** Acknowledge now, showing "thinking…"; the answer comes later with {@link editOriginal}. */
	defer(ephemeral: boolean): Promise<void>;
	/** Acknowledge a component or modal without changing anything visible yet. */
	deferUpdate(): Promise<void>;
	/** The first response, as a new message. */
	reply(reply: Reply): Promise<void>;
	/** The first response to a component: edit the message the component sits on. */
	update(reply: Reply): Promise<void>;
	/** Edit the response (after defer or reply), or the component's message after deferUpdate. */
	editOriginal(reply: Reply): Promise<void>;
	deleteOriginal(): Promise<void>;
	followUp(reply: Reply): Promise<void>;
	showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
}

export interface RespondOptions {
	kind: InteractionKind;
	defer?: DeferMode | 'update';
	/** How a command is deferred automatically when it is late (default public); components update their message. */
	lateDefer?: 'ephemeral' | 'public';
	/**
	 * When the interaction was created. Discord drops an interaction not acknowledged within 3 s of creation, so
	 * a handler still running `autoDeferMs` after this is deferred automatically.
	 */
	createdAt: number;
	autoDeferMs?: number;
	log: Logger;
	now?: () => number;
}

export interface RespondOutcome {
	ok: boolean;
	/** Set when an unexpected error was turned into an apology. */
	referenceId?: string;
	error?: unknown;
	/** The reply the member finally sees (after limits were applied). */
	final?: Reply;
	deferred: boolean;
}

type State = 'none' | 'deferred' | 'deferred-ephemeral' | 'deferred-update' | 'responded';

/** Below Discord's 3 s window with room for network and queueing. */
export const AUTO_DEFER_MS = 1500;

/**
 * Runs a handler and answers its interaction so that it is never left unanswered: defers when asked or when the
 * handler is slow, turns errors into an ephemeral ❌ reply (with a reference id for unexpected ones), keeps every
 * reply within Discord's limits, and sends follow-ups in order.
 */
export async function respond(
	responder: Responder,
	run: (update: (reply: Reply) => Promise<void>) => Promise<HandlerResponse>,
	options: RespondOptions,
): Promise<RespondOutcome> {
	const now = options.now ?? Date.now;
	let state: State = 'none';
	let chain: Promise<void> = Promise.resolve();
	// Every transport call goes through one queue, so a timer-fired defer and the handler's reply never race.
	const serial = (op: () => Promise<void>): Promise<void> => {
		const next = chain.then(op);
		chain = next.catch(() => undefined);
		return next;
	};

	const deferAs = async (mode: DeferMode | 'update'): Promise<void> => {
		if (state !== 'none') return;
		if (mode === 'update') {
			await responder.deferUpdate();
			state = 'deferred-update';
		} else {
			const ephemeral = mode === 'ephemeral';
			await responder.defer(ephemeral);
			state = ephemeral ? 'deferred-ephemeral' : 'deferred';
		}
	};
	const autoMode: DeferMode | 'update' =
		options.kind === 'component' ? 'update' : options.lateDefer === 'ephemeral' ? 'ephemeral' : true;

	if (options.defer) await serial(() => deferAs(options.defer === true ? true : options.defer!));
	const delay = Math.max(0, options.createdAt + (options.autoDeferMs ?? AUTO_DEFER_MS) - now());
	const timer = setTimeout(() => {
		serial(() => deferAs(autoMode)).catch((error: unknown) => options.log.warn({ err: error }, 'auto-defer failed'));
	}, delay);

	const deliver = (reply: Reply): Promise<void> =>
		serial(async () => {
			const fitted = fitReply(reply);
			const { followUps, ...message } = fitted;
			if (state === 'none') {
				if (message.update && options.kind !== 'command') await responder.update(message);
				else await responder.reply(message);
			} else if (state === 'deferred' && message.ephemeral && !message.update) {
				// A public "thinking…" cannot become ephemeral: remove it and answer privately.
				await responder.deleteOriginal();
				await responder.followUp(message);
			} else if (state === 'deferred-update' && !message.update) {
				await responder.followUp(message);
			} else {
				await responder.editOriginal(message);
			}
			state = 'responded';
			for (const extra of followUps ?? []) await responder.followUp(extra);
		});

	const interim = (reply: Reply): Promise<void> =>
		serial(async () => {
			if (state === 'none')
				await deferAs(reply.update && options.kind !== 'command' ? 'update' : reply.ephemeral ? 'ephemeral' : true);
			await responder.editOriginal(fitReply({ ...reply, followUps: undefined }));
		});

	try {
		const response = await run(interim);
		clearTimeout(timer);
		if (isModalReply(response)) {
			await serial(async () => {
				if (state !== 'none') throw new Error('a modal can only be the first response; the handler was deferred');
				await responder.showModal(response.modal);
				state = 'responded';
			});
			return { ok: true, deferred: false };
		}
		const final = fitReply(response);
		const wasDeferred = state !== 'none';
		await deliver(response);
		return { ok: true, final, deferred: wasDeferred };
	} catch (error) {
		clearTimeout(timer);
		const referenceId = isUserError(error) ? undefined : newReferenceId();
		if (referenceId) options.log.error({ err: error, referenceId }, 'handler failed');
		const reply = errorReply(error, referenceId ?? '');
		const wasDeferred = state !== 'none';
		try {
			await deliver(reply);
		} catch (deliveryError) {
			options.log.error({ err: deliveryError, referenceId }, 'could not deliver the error reply');
			return { ok: false, error, referenceId, deferred: wasDeferred };
		}
		return { ok: false, error, referenceId, final: reply, deferred: wasDeferred };
	}
}
