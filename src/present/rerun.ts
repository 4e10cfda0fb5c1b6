import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord-api-types/v10';
import type { BaseContext, ComponentContext, ModalContext } from '../core/context.js';
import { customId } from '../core/custom-id.js';
import { isUserError, UserError } from '../core/errors.js';
import type { ModalReply, Reply } from '../core/reply.js';
import { isPresenter, requireGuild } from '../core/roles.js';
import {
	applyForm,
	commandData,
	keepTyped,
	requestFrom,
	requestOfReply,
	rerunForm,
	runInvocation,
	typedRequest,
	withoutRerun,
	type RerunRequest,
} from '../demos/rerun/index.js';
import { changeLine } from '../demos/rerun/summary.js';
import type { Presentation } from '../storage/repositories/presentations.js';
import { PRESENT } from './view.js';
import { t, tIn, withLanguage } from '../i18n/index.js';
import { publicLanguage } from '../storage/repositories/guild-settings.js';

/**
 * A step's demo is re-run in place: the step message everyone follows shows the new result, so the room does not
 * scroll between the step and a pile of "Run again" replies. Handler names of /present's custom ids:
 * `present:sr:<session>:<step>:<request>` opens the form, `present:sm:…` (same arguments) runs it.
 */
export const STEP_RERUN_BUTTON = 'sr';
export const STEP_RERUN_FORM = 'sm';

/**
 * Said to a member who is not a presenter: their run is shown to them alone, the step stays as the room sees it
 * (English here; members read it in their language).
 */
export const YOUR_RUN_ONLY = tIn('en', 'present.yourRunOnly');

function stepRerunButton(id: string): APIButtonComponent {
	return {
		type: ComponentType.Button,
		style: ButtonStyle.Secondary,
		label: t('present.rerunLabel'),
		emoji: { name: '🔁' },
		custom_id: id,
	};
}

/**
 * A step demo's reply with the step's own 🔁 button in place of the command's "Run again with…" (whose form would
 * post a new message): the request (with the options the command prefers in the form) is stored, and the button
 * carries its key. When it cannot be stored the reply goes without a button.
 */
export async function withStepRerun(
	ctx: Pick<BaseContext, 'deps' | 'log'>,
	reply: Reply,
	where: { presentationId: string; step: number },
	command: string,
	args: Readonly<Record<string, unknown>>,
	prefer?: readonly string[],
): Promise<Reply> {
	const own = await requestOfReply(reply, ctx.deps);
	const request = own ?? requestFrom(command, args, prefer);
	const bare = withoutRerun(reply);
	if (!request) return bare;
	let key: string;
	try {
		key = await ctx.deps.repos.rerunRequests.save(request);
	} catch (error) {
		ctx.log.warn({ err: error, command }, 'could not store a step demo’s options; the step goes without its 🔁 button');
		return bare;
	}
	const id = customId(PRESENT, STEP_RERUN_BUTTON, where.presentationId, where.step, key);
	return {
		...bare,
		components: [...(bare.components ?? []), { type: ComponentType.ActionRow, components: [stepRerunButton(id)] }],
	};
}

interface StepRef {
	presentationId: string;
	step: number;
	request: RerunRequest;
}

async function stepRef(ctx: BaseContext, args: readonly string[]): Promise<StepRef> {
	const [presentationId, stepText, key] = args;
	const step = Number(stepText);
	if (!presentationId || !key || !Number.isInteger(step) || step < 0)
		throw new UserError(t('present.staleButton'), 'component.args');
	const request = await ctx.deps.repos.rerunRequests.get(key);
	if (!request) throw new UserError(t('present.expired'), 'rerun.expired');
	return { presentationId, step, request };
}

/** The step's 🔁 button: the form with every option of the demo, filled with what the step shows now. */
export async function openStepRerun(ctx: ComponentContext): Promise<ModalReply> {
	const { request } = await stepRef(ctx, ctx.args);
	const modal = rerunForm(commandData(ctx.deps, request), request, customId(PRESENT, STEP_RERUN_FORM, ...ctx.args));
	return { modal };
}

/**
 * The step's form: a presenter's run replaces the demo on the step message itself (with a line that says who changed
 * what, and a 🔁 button holding the new options); another member's run is shown to them alone. Refused values come
 * back with a button that reopens the form as typed.
 */
export async function submitStepRerun(
	ctx: ModalContext,
	render: (demo: Reply, presentation: Presentation, step: number) => Promise<Reply>,
): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { presentationId, step, request } = await stepRef(ctx, ctx.args);
	const data = commandData(ctx.deps, request);
	const retry = (reason: string) =>
		keepTyped(ctx, reason, typedRequest(data, request, ctx.fields), (ref) =>
			customId(PRESENT, STEP_RERUN_BUTTON, presentationId, step, ref.kind === 'stored' ? ref.id : ''),
		);
	const attempt = async (): Promise<{ reply: Reply; line: string; options: Record<string, unknown> } | string> => {
		try {
			const invocation = applyForm(data, request, ctx.fields);
			// No interim updates: they would replace the step message with the command's progress alone.
			const reply = await runInvocation({ ...ctx, update: async () => {} }, invocation);
			return { reply, line: changeLine(ctx.user.name, request, invocation.options), options: invocation.options };
		} catch (error) {
			if (isUserError(error)) return error.message;
			throw error;
		}
	};
	const settings = await ctx.deps.repos.settings.get(guildId);
	if (!isPresenter(ctx.user, settings)) {
		const run = await attempt();
		if (typeof run === 'string') return retry(run);
		const mine = withoutRerun(run.reply);
		return {
			...mine,
			content: `${t('present.yourRunOnly')}\n${run.line}${mine.content ? `\n${mine.content}` : ''}`,
			ephemeral: true,
		};
	}
	// The presenter's run replaces the demo on the step the room follows: written in the server's language.
	const language = publicLanguage(settings, ctx.guildLocale);
	return ctx.deps.repos.presentations.update(guildId, presentationId, async (current) => {
		if (!current) throw new UserError(t('present.goneShort'), 'present.gone');
		return withLanguage(language, () => replaceStep(current));
	});
	async function replaceStep(current: Presentation): Promise<{ next: Presentation; result: Reply }> {
		if (current.step !== step)
			return {
				next: current,
				result: { content: t('present.movedOn'), ephemeral: true },
			};
		const run = await attempt();
		if (typeof run === 'string') return { next: current, result: await retry(run) };
		const args = Object.fromEntries(
			Object.entries(run.options).filter((e): e is [string, string | number | boolean] =>
				['string', 'number', 'boolean'].includes(typeof e[1]),
			),
		);
		// The command's own button (if it adds one) holds its checked options and the inputs it prefers; else the form's.
		const withButton = await withStepRerun(
			ctx,
			run.reply,
			{ presentationId, step },
			request.command,
			{ ...(request.subcommand === undefined ? {} : { subcommand: request.subcommand }), ...args },
			request.prefer,
		);
		const shown = await render(withButton, current, step);
		return {
			next: { ...current, updatedAt: ctx.deps.clock.now().toISOString() },
			result: { ...shown, content: `${run.line}${shown.content ? `\n${shown.content}` : ''}`, update: true },
		};
	}
}
