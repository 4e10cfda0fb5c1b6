import { REST } from '@discordjs/rest';
import { Routes, type RESTGetCurrentApplicationResult } from 'discord-api-types/v10';
import type { AnyCommand } from '../core/command.js';
import { localizeCommand } from '../i18n/command-localizations.js';
import { COMMAND_TEXTS } from '../i18n/command-texts.js';

export interface DeployOptions {
	token: string;
	commands: readonly AnyCommand[];
	/** Register for one guild (instant) instead of globally (can take up to an hour to appear). */
	guildId?: string;
	applicationId?: string;
	apiBase?: string;
}

/**
 * The registration bodies: each command's plain API JSON, with its Korean names and descriptions as localisations. `default_member_permissions` is written as Discord's docs
 * show it (a permission bit string, as the local mode reads it) and sent as the integer Discord's OpenAPI spec types
 * it as (at most 2^54, so exact as a number); Discord accepts both.
 */
export function registrationBodies(commands: readonly AnyCommand[]): unknown[] {
	return commands.map((command): unknown => {
		const data = localizeCommand(command.data, COMMAND_TEXTS);
		return typeof data.default_member_permissions === 'string'
			? { ...data, default_member_permissions: Number(data.default_member_permissions) }
			: data;
	});
}

/** Registers (overwrites) the bot's slash commands through @discordjs/rest. Returns where and how many. */
export async function deployCommands(options: DeployOptions): Promise<{ scope: string; count: number }> {
	const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
	const applicationId =
		options.applicationId ?? ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
	const route = options.guildId
		? Routes.applicationGuildCommands(applicationId, options.guildId)
		: Routes.applicationCommands(applicationId);
	const result = (await rest.put(route, { body: registrationBodies(options.commands) })) as unknown[];
	return { scope: options.guildId ? `guild ${options.guildId}` : 'global', count: result.length };
}
