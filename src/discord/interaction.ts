import {
	ApplicationCommandOptionType as T,
	type AutocompleteInteraction,
	type BaseInteraction,
	type CommandInteractionOption,
	type GuildMember,
} from 'discord.js';
import type { RawInvocation } from '../core/args.js';
import type { Actor } from '../core/actor.js';
import type { InteractionBase } from '../core/interaction.js';

/** Who is acting, from a discord.js interaction (cached member, API member or DM user). */
export function actorOf(interaction: BaseInteraction): Actor {
	const member = interaction.member;
	let roles: readonly string[] = [];
	let name = interaction.user.globalName ?? interaction.user.username;
	if (member) {
		if (Array.isArray(member.roles)) roles = member.roles;
		else roles = [...(member as GuildMember).roles.cache.keys()].filter((id) => id !== interaction.guildId);
		const nick = 'displayName' in member ? member.displayName : member.nick;
		if (nick) name = nick;
	}
	return { id: interaction.user.id, name, roles, permissions: interaction.memberPermissions?.bitfield ?? 0n };
}

/** The transport-independent facts of an interaction. */
export function baseOf(interaction: BaseInteraction): InteractionBase {
	return {
		interactionId: interaction.id,
		user: actorOf(interaction),
		guildId: interaction.guildId,
		channelId: interaction.channelId ?? '',
		locale: interaction.locale,
		guildLocale: interaction.guildLocale,
		createdAt: interaction.createdTimestamp,
	};
}

function valueOf(option: CommandInteractionOption): unknown {
	switch (option.type) {
		case T.User: {
			const user = option.user;
			if (!user) return option.value;
			const member = option.member as { displayName?: string; nick?: string | null } | undefined;
			return {
				id: user.id,
				name: member?.displayName ?? member?.nick ?? user.globalName ?? user.username,
				bot: user.bot,
			};
		}
		case T.Channel: {
			const channel = option.channel as { id: string; name?: string | null; type: number } | undefined;
			return channel ? { id: channel.id, name: channel.name ?? null, type: channel.type } : option.value;
		}
		case T.Role: {
			const role = option.role;
			return role ? { id: role.id, name: role.name } : option.value;
		}
		case T.Attachment: {
			const a = option.attachment;
			return a ? { id: a.id, name: a.name, url: a.url, size: a.size, contentType: a.contentType } : option.value;
		}
		default:
			return option.value;
	}
}

/** Option values by name, and the subcommand if the command has them. */
export function invocationOf(data: readonly CommandInteractionOption[]): RawInvocation {
	const first = data[0];
	if (first && first.type === T.Subcommand) return { subcommand: first.name, options: collect(first.options ?? []) };
	return { subcommand: null, options: collect(data) };
}

function collect(options: readonly CommandInteractionOption[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const option of options) out[option.name] = valueOf(option);
	return out;
}

/** The option being typed in an autocomplete interaction. */
export function focusedOf(interaction: AutocompleteInteraction): { name: string; value: string } {
	const focused = interaction.options.getFocused(true);
	return { name: focused.name, value: String(focused.value) };
}
