import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { ComponentHandler, ModalHandler } from '../../core/command.js';
import type { ComponentContext, ModalContext } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import type { CommandData } from '../../core/options.js';
import { isUserError, UserError } from '../../core/errors.js';
import { MemberRateLimiter, rateLimitMessage } from '../../core/rate-limit.js';
import type { ModalReply, Reply } from '../../core/reply.js';
import { t, tIn } from '../../i18n/index.js';
import { runInvocation } from './dispatch.js';
import { applyForm, commandLabel, rerunForm, typedRequest } from './form.js';
import { changeLine } from './summary.js';
import {
	decodeRequest,
	inlineRef,
	RERUN_BUTTON,
	RERUN_FORM,
	RERUN_OWNER,
	refFromArgs,
	requestFrom,
	rerunCustomId,
	type RequestRef,
	type RerunRequest,
} from './request.js';

export { runInvocation, type Invocation } from './dispatch.js';
export { editableOptions, moreOptions, rerunForm, applyForm, typedRequest, MORE_FIELD } from './form.js';
export { RERUN_BUTTON, RERUN_FORM, RERUN_OWNER, requestFrom, type RerunRequest } from './request.js';

/** The button's label in English (members read it in their language). */
export const RERUN_LABEL = tIn('en', 'rerun.button');
const ROWS_MAX = 5;
const BUTTONS_PER_ROW = 5;

function rerunButton(ref: RequestRef): APIButtonComponent {
	return {
		type: ComponentType.Button,
		style: ButtonStyle.Secondary,
		label: t('rerun.button'),
		emoji: { name: '🔁' },
		custom_id: rerunCustomId(RERUN_BUTTON, ref),
	};
}

/** The reply with `button` in a new row, or in a row of buttons with room when five rows are taken. */
function addButton(reply: Reply, button: APIButtonComponent): Reply {
	const rows = reply.components ?? [];
	if (rows.length < ROWS_MAX)
		return { ...reply, components: [...rows, { type: ComponentType.ActionRow, components: [button] }] };
	const at = rows.findIndex(
		(row) => row.components.length < BUTTONS_PER_ROW && row.components.every((c) => c.type === ComponentType.Button),
	);
	if (at < 0) return reply;
	return {
		...reply,
		components: rows.map((row, i) => (i === at ? { ...row, components: [...row.components, button] } : row)),
	};
}

/** Optional settings of {@link withRerun}. */
export interface RerunOptions {
	/** Options to put in the form first (it holds five), most useful first; by default required, then set, then the rest. */
	prefer?: readonly string[];
	log?: Pick<Logger, 'warn'>;
}

/**
 * Adds a "🔁 Run again with…" button to a demo's reply: it opens a form with the options the demo ran with, and
 * submitting it runs the same command's handler again with the edited options (checked by `argsFor`), posting a new
 * reply. A command opts in with one line, `return withRerun(reply, 'sample', args, deps);` (or with
 * `{ prefer: ['prompt', 'temperature', 'top_k', 'top_p', 'seed'] }` to choose what the five-input form shows).
 *
 * The options travel in the button's custom id when they fit in its 100 characters, else they are stored and the id
 * carries their key, so the button works after a restart. Ephemeral replies get no button (a re-run is public), and
 * when the options cannot be stored (the store is down) the reply goes out without it rather than failing.
 */
export async function withRerun(
	reply: Reply,
	command: string,
	args: Readonly<Record<string, unknown>>,
	deps: Pick<Deps, 'repos'>,
	options: RerunOptions = {},
): Promise<Reply> {
	if (reply.ephemeral) return reply;
	const request = requestFrom(command, args, options.prefer);
	if (!request) return reply;
	let ref = inlineRef(request);
	if (!ref) {
		try {
			ref = { kind: 'stored', id: await deps.repos.rerunRequests.save(request) };
		} catch (error) {
			options.log?.warn(
				{ err: error, command },
				'could not store the options of a "Run again" button; the reply goes without it',
			);
			return reply;
		}
	}
	return addButton(reply, rerunButton(ref));
}

/** Whether a reply already carries a "Run again with…" button. */
export function hasRerun(reply: Reply): boolean {
	const prefix = `${RERUN_OWNER}:${RERUN_BUTTON}:`;
	return (reply.components ?? []).some((row) =>
		row.components.some((c) => 'custom_id' in c && c.custom_id.startsWith(prefix)),
	);
}

/**
 * {@link withRerun} for a reply of a command that may not have opted in itself (the presenter's steps run every
 * week's demos): adds the button unless the command already did.
 */
export async function ensureRerun(
	reply: Reply,
	command: string,
	args: Readonly<Record<string, unknown>>,
	deps: Pick<Deps, 'repos'>,
	options: RerunOptions = {},
): Promise<Reply> {
	return hasRerun(reply) ? reply : withRerun(reply, command, args, deps, options);
}

async function loadRequest(deps: Deps, args: readonly string[]): Promise<{ ref: RequestRef; request: RerunRequest }> {
	const ref = refFromArgs(args);
	const request =
		ref?.kind === 'inline'
			? decodeRequest(ref.data)
			: ref?.kind === 'stored'
				? await deps.repos.rerunRequests.get(ref.id)
				: null;
	if (!ref || request === null) throw new UserError(t('rerun.error.malformed'), 'rerun.malformed');
	if (request === undefined) throw new UserError(t('rerun.error.expired'), 'rerun.expired');
	return { ref, request };
}

/**
 * The request behind the "Run again with…" button a command put on its reply (with the options it prefers in the
 * form), or undefined when the reply has none or it cannot be read.
 */
export async function requestOfReply(reply: Reply, deps: Pick<Deps, 'repos'>): Promise<RerunRequest | undefined> {
	const prefix = `${RERUN_OWNER}:${RERUN_BUTTON}:`;
	for (const row of reply.components ?? [])
		for (const c of row.components)
			if ('custom_id' in c && c.custom_id.startsWith(prefix)) {
				const ref = refFromArgs(c.custom_id.slice(prefix.length).split(':'));
				if (ref?.kind === 'inline') return decodeRequest(ref.data) ?? undefined;
				if (ref?.kind === 'stored') return deps.repos.rerunRequests.get(ref.id).catch(() => undefined);
			}
	return undefined;
}

/** The reply without its "Run again with…" buttons (rows left empty are dropped). */
export function withoutRerun(reply: Reply): Reply {
	const prefix = `${RERUN_OWNER}:${RERUN_BUTTON}:`;
	const components = (reply.components ?? [])
		.map((row) => ({
			...row,
			components: row.components.filter((c) => !('custom_id' in c && c.custom_id.startsWith(prefix))),
		}))
		.filter((row) => row.components.length > 0);
	return { ...reply, components };
}

/** The registered definition of the request's command; refused when this bot no longer has it. */
export function commandData(deps: Deps, request: RerunRequest): CommandData {
	const command = deps.commands.find((c) => c.data.name === request.command);
	if (!command)
		throw new UserError(t('rerun.error.unknownCommand', { command: commandLabel(request) }), 'rerun.unknown-command');
	return command.data;
}

/** The button: opens the form filled with the options the demo ran with. */
export async function openRerunForm(ctx: ComponentContext): Promise<ModalReply> {
	const { ref, request } = await loadRequest(ctx.deps, ctx.args);
	const modal = rerunForm(commandData(ctx.deps, request), request, rerunCustomId(RERUN_FORM, ref));
	if (modal.components.length === 0)
		throw new UserError(t('rerun.error.nothing', { command: commandLabel(request) }), 'rerun.nothing');
	return { modal };
}

/** Re-runs count against the command's own per-member cooldown (kept apart from typed runs, in this process). */
const limiter = new MemberRateLimiter();

/** The form: runs the command again with the edited options, as a new message that says who changed what. */
export async function submitRerunForm(ctx: ModalContext): Promise<Reply> {
	const { request } = await loadRequest(ctx.deps, ctx.args);
	const cooldown = ctx.deps.commands.find((c) => c.data.name === request.command)?.cooldown;
	if (cooldown) {
		const decision = limiter.take(
			`${ctx.guildId ?? 'dm'}:${ctx.user.id}:${request.command}`,
			cooldown,
			ctx.deps.clock.now().getTime(),
		);
		if (!decision.ok) throw new UserError(rateLimitMessage(request.command, decision.retryAfterMs), 'rate-limited');
	}
	const data = commandData(ctx.deps, request);
	try {
		const invocation = applyForm(data, request, ctx.fields);
		const reply = await runInvocation(ctx, invocation);
		const line = changeLine(ctx.user.name, request, invocation.options);
		return { ...reply, content: reply.content ? `${line}\n${reply.content}` : line };
	} catch (error) {
		if (!isUserError(error)) throw error;
		return keepTyped(ctx, error.message, typedRequest(data, request, ctx.fields), (ref) =>
			rerunCustomId(RERUN_BUTTON, ref),
		);
	}
}

/** The label of the button that reopens a refused form with what the member typed (in English; members read theirs). */
export const EDIT_AGAIN_LABEL = tIn('en', 'rerun.editAgain');

/**
 * The answer to a form whose values were refused: the reason, privately, and a button that opens the form again
 * filled with what the member typed (stored, so it survives a restart). Without storage the reason alone goes out.
 */
export async function keepTyped(
	ctx: Pick<ModalContext, 'deps' | 'log'>,
	reason: string,
	typed: RerunRequest,
	buttonId: (ref: RequestRef) => string,
): Promise<Reply> {
	const content = `❌ ${reason}`;
	try {
		const ref: RequestRef = { kind: 'stored', id: await ctx.deps.repos.rerunRequests.save(typed) };
		return {
			content: `${content}\n${t('rerun.kept', { label: t('rerun.editAgain') })}`,
			ephemeral: true,
			components: [
				{
					type: ComponentType.ActionRow,
					components: [
						{
							type: ComponentType.Button,
							style: ButtonStyle.Primary,
							label: t('rerun.editAgain'),
							emoji: { name: '✏️' },
							custom_id: buttonId(ref),
						},
					],
				},
			],
		};
	} catch (error) {
		ctx.log.warn({ err: error }, 'could not keep a refused form’s values; the reason goes without the button');
		return { content, ephemeral: true };
	}
}

/** The handlers to spread into the owner command's `components` and `modals` (see {@link RERUN_OWNER}). */
export const rerunComponents: Readonly<Record<string, ComponentHandler>> = { [RERUN_BUTTON]: { run: openRerunForm } };
// Deferred publicly at once: the command may take seconds (a model, a chart), and its answer is a new message.
export const rerunModals: Readonly<Record<string, ModalHandler>> = {
	[RERUN_FORM]: { defer: true, run: submitRerunForm },
};
