import type { AnyCommand } from '../../src/core/command.js';
import type { CommandContext } from '../../src/core/context.js';
import type { Deps } from '../../src/core/deps.js';
import { argsFor, type RawInvocation } from '../../src/core/args.js';
import { isModalReply, type HandlerResponse, type Reply } from '../../src/core/reply.js';
import { languageOf, withLanguage } from '../../src/i18n/index.js';
import { silentLogger } from './silent-logger.js';
import { testDeps } from './deps.js';

export interface RunOptions {
	deps?: Deps;
	userId?: string;
	userName?: string;
	guildId?: string | null;
	channelId?: string;
	permissions?: bigint;
	roles?: string[];
	subcommand?: string;
	/** The member's Discord locale (default `en-US`); replies are written in its language, as the dispatcher does. */
	locale?: string;
	guildLocale?: string | null;
}

/** Calls a command's handler the way the dispatcher does (options checked by argsFor), and returns its response. */
export async function runCommand(
	command: AnyCommand,
	options: RawInvocation['options'] = {},
	run: RunOptions = {},
): Promise<HandlerResponse> {
	const updates: Reply[] = [];
	const ctx: CommandContext<Record<string, unknown>> = {
		interactionId: '1',
		commandName: command.data.name,
		user: {
			id: run.userId ?? '100000000000000001',
			name: run.userName ?? 'Mina',
			roles: run.roles ?? [],
			permissions: run.permissions ?? 0n,
		},
		guildId: run.guildId === undefined ? '200000000000000001' : run.guildId,
		channelId: run.channelId ?? '300000000000000001',
		locale: run.locale ?? 'en-US',
		guildLocale: run.guildLocale ?? null,
		deps: run.deps ?? testDeps(),
		log: silentLogger,
		update: async (reply) => {
			updates.push(reply);
		},
		args: argsFor(command.data, { subcommand: run.subcommand, options }),
	};
	return withLanguage(languageOf(ctx.locale), async () => command.run(ctx));
}

/** Like {@link runCommand}, for handlers that answer with a message (fails on a modal). */
export async function runForReply(
	command: AnyCommand,
	options: RawInvocation['options'] = {},
	run: RunOptions = {},
): Promise<Reply> {
	const response = await runCommand(command, options, run);
	if (isModalReply(response)) throw new Error('expected a message reply, got a modal');
	return response;
}
