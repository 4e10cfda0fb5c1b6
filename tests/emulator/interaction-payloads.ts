import {
	ApplicationCommandOptionType,
	ApplicationCommandType,
	ChannelType,
	ComponentType,
	InteractionContextType,
	InteractionType,
	Locale,
	type APIApplicationCommand,
	type APIApplicationCommandOption,
	type APIInteraction,
	type APIInteractionDataResolved,
	type APIMessage,
	type APIModalInteractionResponseCallbackData,
	type APIStringSelectComponent,
	type APITextInputComponent,
} from 'discord-api-types/v10';
import type { World } from './world.js';

/** An option value as a test writes it; users, channels and roles may be given by name. */
export type OptionValue = string | number | boolean;

interface DispatchWhere {
	/** Guild id (default: the first guild). */
	guildId?: string;
	/** Channel id or name (default: the guild's first text channel). */
	channel?: string;
	/** User id or username of the member who acts (default: the guild's owner). */
	user?: string;
	locale?: Locale;
}

/** What a test asks the emulated Discord client to do. */
export type DispatchInput = DispatchWhere &
	(
		| { type: 'command'; name: string; group?: string; subcommand?: string; options?: Record<string, OptionValue> }
		| {
				type: 'autocomplete';
				name: string;
				group?: string;
				subcommand?: string;
				options?: Record<string, OptionValue>;
				focused: string;
		  }
		| { type: 'button'; customId: string; message: APIMessage }
		| { type: 'select'; customId: string; values: string[]; message: APIMessage }
		/** `modal` is the modal the bot opened; the field ids are checked against it. */
		| {
				type: 'modal';
				customId: string;
				/** Text typed into inputs; for a select menu in the modal, the chosen values (a string is one value). */
				fields: Record<string, string | string[]>;
				modal?: APIModalInteractionResponseCallbackData;
				message?: APIMessage;
		  }
	);

export interface BuiltInteraction {
	payload: APIInteraction;
	guildId: string;
	channelId: string;
	userId: string;
	/** The message a component sits on; UPDATE_MESSAGE (7) and DEFERRED_UPDATE (6) edit it. */
	componentMessageId?: string;
	commandName?: string;
}

const SNOWFLAKE = /^\d{17,20}$/;

function findCommand(world: World, guildId: string, name: string): APIApplicationCommand {
	const scoped = [...(world.guildCommands.get(guildId)?.values() ?? [])].find((c) => c.name === name);
	const command = scoped ?? [...world.globalCommands.values()].find((c) => c.name === name);
	if (!command)
		throw new Error(`/${name} is not registered with the emulated Discord; register commands (bulk PUT) first`);
	return command;
}

function resolveOptionValue(
	world: World,
	guildId: string,
	option: APIApplicationCommandOption,
	raw: OptionValue,
	resolved: APIInteractionDataResolved,
): OptionValue {
	const guild = world.guild(guildId);
	switch (option.type) {
		case ApplicationCommandOptionType.User:
		case ApplicationCommandOptionType.Mentionable: {
			const user = SNOWFLAKE.test(String(raw)) ? world.users.get(String(raw)) : world.userByName(String(raw));
			if (!user) throw new Error(`option ${option.name}: no user ${raw}`);
			resolved.users = { ...resolved.users, [user.id]: user };
			const member = guild?.members.get(user.id);
			if (member) {
				const { user: _user, deaf: _deaf, mute: _mute, ...partial } = member;
				resolved.members = {
					...resolved.members,
					[user.id]: { ...partial, permissions: String(world.memberPermissions(guildId, user.id)) },
				};
			}
			return user.id;
		}
		case ApplicationCommandOptionType.Channel: {
			const channel = SNOWFLAKE.test(String(raw))
				? world.channel(String(raw))?.channel
				: world.channelByName(String(raw), guildId);
			if (!channel) throw new Error(`option ${option.name}: no channel ${raw}`);
			resolved.channels = {
				...resolved.channels,
				[channel.id]: {
					id: channel.id,
					type: channel.type,
					name: channel.name ?? '',
					permissions: String(world.memberPermissions(guildId, world.botUser.id)),
				} as never,
			};
			return channel.id;
		}
		case ApplicationCommandOptionType.Role: {
			const role = [...(guild?.roles.values() ?? [])].find((r) => r.id === String(raw) || r.name === String(raw));
			if (!role) throw new Error(`option ${option.name}: no role ${raw}`);
			resolved.roles = { ...resolved.roles, [role.id]: role };
			return role.id;
		}
		case ApplicationCommandOptionType.Integer:
		case ApplicationCommandOptionType.Number:
			if (typeof raw !== 'number' || (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(raw))) {
				throw new Error(
					`option ${option.name} takes ${option.type === ApplicationCommandOptionType.Integer ? 'an integer' : 'a number'}, got ${raw}`,
				);
			}
			return raw;
		case ApplicationCommandOptionType.Boolean:
			if (typeof raw !== 'boolean') throw new Error(`option ${option.name} takes a boolean, got ${raw}`);
			return raw;
		default:
			if (typeof raw !== 'string') throw new Error(`option ${option.name} takes a string, got ${raw}`);
			return raw;
	}
}

/** Builds the `data.options` Discord's client would send, checking names, types, choices and required options. */
function buildOptions(
	world: World,
	guildId: string,
	command: APIApplicationCommand,
	input: { group?: string; subcommand?: string; options?: Record<string, OptionValue>; focused?: string },
	resolved: APIInteractionDataResolved,
): unknown[] {
	let level: APIApplicationCommandOption[] = command.options ?? [];
	const wrap: { type: number; name: string }[] = [];
	for (const [kind, name] of [
		[ApplicationCommandOptionType.SubcommandGroup, input.group],
		[ApplicationCommandOptionType.Subcommand, input.subcommand],
	] as const) {
		if (!name) continue;
		const found = level.find((o) => o.type === kind && o.name === name);
		// A subcommand without options has no `options` key in the registered command (e.g. /settings show).
		if (!found)
			throw new Error(
				`/${command.name} has no ${kind === ApplicationCommandOptionType.Subcommand ? 'subcommand' : 'group'} ${name}`,
			);
		wrap.push({ type: kind, name });
		level = 'options' in found ? (found.options ?? []) : [];
	}
	if (
		level.some(
			(o) =>
				o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
		)
	) {
		throw new Error(`/${command.name} needs a subcommand`);
	}
	const given = input.options ?? {};
	const options: Record<string, unknown>[] = [];
	for (const [name, raw] of Object.entries(given)) {
		const definition = level.find((o) => o.name === name);
		if (!definition) throw new Error(`/${command.name} has no option ${name}`);
		if (input.focused === name) {
			// Discord sends the partly typed text of the focused option as a string, whatever its type.
			options.push({ type: definition.type, name, value: String(raw), focused: true });
			continue;
		}
		const value = resolveOptionValue(world, guildId, definition, raw, resolved);
		const choices = 'choices' in definition ? definition.choices : undefined;
		if (choices?.length && !choices.some((c) => c.value === value)) {
			throw new Error(`option ${name}: ${value} is not one of the choices ${choices.map((c) => c.value).join(', ')}`);
		}
		options.push({ type: definition.type, name, value });
	}
	if (input.focused === undefined) {
		for (const definition of level) {
			if ('required' in definition && definition.required && !(definition.name in given)) {
				throw new Error(`/${command.name}: required option ${definition.name} is missing`);
			}
		}
	} else if (!(input.focused in given)) {
		throw new Error(`autocomplete: focused option ${input.focused} must be among the options`);
	}
	return wrap.reduceRight<unknown[]>((inner, w) => [{ type: w.type, name: w.name, options: inner }], options);
}

function hasComponent(components: unknown, customId: string): boolean {
	if (!Array.isArray(components)) return false;
	return components.some(
		(c: { custom_id?: string; components?: unknown; component?: unknown; accessory?: unknown; disabled?: boolean }) => {
			if (c.custom_id === customId) return !c.disabled;
			return (
				hasComponent(c.components, customId) ||
				hasComponent(c.component ? [c.component] : [], customId) ||
				hasComponent(c.accessory ? [c.accessory] : [], customId)
			);
		},
	);
}

/**
 * What Discord's client submits for a modal: every input in the modal's layout (an action row or a label around it),
 * with what the member typed or chose, else what the modal prefilled (a text input's `value`, a select's `default`
 * options). A choice that is not among a select's options cannot be made in the client, so it throws here.
 */
function modalSubmission(
	modal: APIModalInteractionResponseCallbackData,
	fields: Readonly<Record<string, string | string[]>>,
): unknown[] {
	type Input = APITextInputComponent | APIStringSelectComponent;
	const submitted = (input: Input) => {
		const given = fields[input.custom_id];
		if (input.type === ComponentType.TextInput)
			return {
				type: input.type,
				custom_id: input.custom_id,
				value: given === undefined ? (input.value ?? '') : String(given),
			};
		const values =
			given === undefined
				? input.options.filter((o) => o.default).map((o) => o.value)
				: typeof given === 'string'
					? given === ''
						? []
						: [given]
					: given;
		for (const value of values)
			if (!input.options.some((o) => o.value === value))
				throw new Error(`the select ${input.custom_id} has no option ${value}`);
		if (values.length > (input.max_values ?? 1)) throw new Error(`the select ${input.custom_id} takes fewer values`);
		return { type: input.type, custom_id: input.custom_id, values };
	};
	return modal.components.flatMap((component): unknown[] => {
		if (component.type === ComponentType.ActionRow)
			return [{ type: component.type, components: component.components.map((c) => submitted(c as Input)) }];
		if (component.type === ComponentType.Label) {
			const inner = component.component;
			if (inner.type !== ComponentType.TextInput && inner.type !== ComponentType.StringSelect) return [];
			return [{ type: component.type, component: submitted(inner) }];
		}
		return [];
	});
}

/** Builds an INTERACTION_CREATE payload as Discord would send it for this member, channel and input. */
export function buildInteraction(world: World, input: DispatchInput, id: string, token: string): BuiltInteraction {
	const guildState = input.guildId ? world.guild(input.guildId) : world.guilds.values().next().value;
	if (!guildState) throw new Error(`no guild ${input.guildId ?? '(none seeded)'}`);
	const guildId = guildState.guild.id;
	const channel = input.channel
		? (world.channel(input.channel)?.channel ?? world.channelByName(input.channel, guildId))
		: [...guildState.channels.values()].find((c) => c.type === ChannelType.GuildText);
	if (!channel) throw new Error(`no channel ${input.channel ?? '(text)'} in guild ${guildId}`);
	const user = input.user
		? (world.users.get(input.user) ?? world.userByName(input.user))
		: world.users.get(guildState.guild.owner_id);
	const member = user ? guildState.members.get(user.id) : undefined;
	if (!user || !member) throw new Error(`${input.user ?? 'owner'} is not a member of guild ${guildId}`);

	const locale = input.locale ?? Locale.EnglishUS;
	const base = {
		id,
		application_id: world.application.id,
		token,
		version: 1 as const,
		guild_id: guildId,
		guild: { id: guildId, locale: guildState.guild.preferred_locale, features: guildState.guild.features },
		channel: { ...channel },
		channel_id: channel.id,
		member: { ...member, user, permissions: String(world.memberPermissions(guildId, user.id)) },
		app_permissions: String(world.memberPermissions(guildId, world.botUser.id)),
		locale,
		guild_locale: guildState.guild.preferred_locale,
		entitlements: [],
		authorizing_integration_owners: { '0': guildId },
		context: InteractionContextType.Guild,
		attachment_size_limit: 10 * 1024 * 1024,
	};
	const where = { guildId, channelId: channel.id, userId: user.id };

	if (input.type === 'command' || input.type === 'autocomplete') {
		const command = findCommand(world, guildId, input.name);
		const resolved: APIInteractionDataResolved = {};
		const options = buildOptions(world, guildId, command, input, resolved);
		const data = {
			id: command.id,
			name: command.name,
			type: ApplicationCommandType.ChatInput,
			...(command.guild_id ? { guild_id: command.guild_id } : {}),
			options,
			...(Object.keys(resolved).length > 0 ? { resolved } : {}),
		};
		const type =
			input.type === 'command' ? InteractionType.ApplicationCommand : InteractionType.ApplicationCommandAutocomplete;
		return { payload: { ...base, type, data } as APIInteraction, ...where, commandName: command.name };
	}

	if (input.type === 'button' || input.type === 'select') {
		const stored = world.findMessage(input.message.id);
		if (!stored) throw new Error(`message ${input.message.id} is not known to the emulator`);
		if (!hasComponent(stored.message.components, input.customId)) {
			throw new Error(`message ${input.message.id} has no enabled component with custom_id ${input.customId}`);
		}
		const data =
			input.type === 'button'
				? { custom_id: input.customId, component_type: ComponentType.Button }
				: { custom_id: input.customId, component_type: ComponentType.StringSelect, values: input.values };
		return {
			payload: { ...base, type: InteractionType.MessageComponent, message: stored.message, data } as APIInteraction,
			...where,
			componentMessageId: stored.message.id,
		};
	}

	if (input.modal) {
		if (input.modal.custom_id !== input.customId)
			throw new Error(`modal custom_id is ${input.modal.custom_id}, not ${input.customId}`);
		for (const field of Object.keys(input.fields)) {
			if (!hasComponent(input.modal.components, field)) throw new Error(`the modal has no text input ${field}`);
		}
	}
	const components = input.modal
		? modalSubmission(input.modal, input.fields)
		: Object.entries(input.fields).map(([customId, value]) => ({
				type: ComponentType.ActionRow,
				components: [{ type: ComponentType.TextInput, custom_id: customId, value: String(value) }],
			}));
	const stored = input.message ? world.findMessage(input.message.id) : undefined;
	return {
		payload: {
			...base,
			type: InteractionType.ModalSubmit,
			data: { custom_id: input.customId, components },
			...(stored ? { message: stored.message } : {}),
		} as APIInteraction,
		...where,
		...(stored ? { componentMessageId: stored.message.id } : {}),
	};
}
