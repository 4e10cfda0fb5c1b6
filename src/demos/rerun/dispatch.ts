import { PermissionFlagsBits } from 'discord-api-types/v10';
import { argsFor } from '../../core/args.js';
import type { BaseContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { isModalReply, type Reply } from '../../core/reply.js';
import { t } from '../../i18n/index.js';
import { commandLabel } from './form.js';

/** A command invocation as text values or checked values: what `argsFor` reads. */
export interface Invocation {
	command: string;
	subcommand?: string;
	options: Readonly<Record<string, unknown>>;
}

function hasPermissions(have: bigint, need: bigint): boolean {
	return (have & PermissionFlagsBits.Administrator) !== 0n || (have & need) === need;
}

/**
 * Runs a registered command's handler for the member of `ctx`, as if they had typed it: the options are checked by
 * `argsFor` (so a form's text becomes numbers and choices, and bad values get the command's own messages), and
 * what Discord would check before a typed command (its default permissions, server-only) is checked here, since a
 * button bypasses Discord's checks. The reply is the command's own; a command that answers with a form cannot be
 * run this way.
 */
export async function runInvocation(ctx: BaseContext, invocation: Invocation): Promise<Reply> {
	const label = commandLabel(invocation);
	const command = ctx.deps.commands.find((c) => c.data.name === invocation.command);
	if (!command) throw new UserError(t('rerun.error.unknownCommand', { command: label }), 'rerun.unknown-command');
	const required = command.data.default_member_permissions;
	if (required && !hasPermissions(ctx.user.permissions, BigInt(required)))
		throw new UserError(t('rerun.error.permission', { command: label }), 'rerun.permission');
	if (ctx.guildId === null && command.data.contexts && !command.data.contexts.some((c: number) => c !== 0)) {
		throw new UserError(t('rerun.error.guildOnly', { command: label }), 'rerun.guild-only');
	}
	const args = argsFor(command.data, { subcommand: invocation.subcommand, options: invocation.options });
	const response = await command.run({
		interactionId: ctx.interactionId,
		user: ctx.user,
		guildId: ctx.guildId,
		channelId: ctx.channelId,
		locale: ctx.locale,
		guildLocale: ctx.guildLocale,
		deps: ctx.deps,
		log: ctx.log,
		update: ctx.update,
		commandName: invocation.command,
		args,
	});
	if (isModalReply(response)) throw new UserError(t('rerun.error.modal', { command: label }), 'rerun.modal');
	return response;
}
