import type { ApplicationCommandOptionType, ChannelType } from 'discord-api-types/v10';

/**
 * A slash-command option as plain Discord API JSON. Kept structural (not discord-api-types' union) so that
 * `defineCommand` can infer literal names, types and choices from the definition itself.
 */
export interface OptionData {
	readonly type: ApplicationCommandOptionType;
	readonly name: string;
	readonly description: string;
	readonly required?: boolean;
	readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
	readonly options?: readonly OptionData[];
	readonly autocomplete?: boolean;
	readonly min_value?: number;
	readonly max_value?: number;
	readonly min_length?: number;
	readonly max_length?: number;
	readonly channel_types?: readonly ChannelType[];
	readonly name_localizations?: Readonly<Record<string, string>>;
	readonly description_localizations?: Readonly<Record<string, string>>;
}

/** A chat-input command's registration body (POST /applications/{id}/commands). */
export interface CommandData {
	readonly name: string;
	readonly description: string;
	readonly options?: readonly OptionData[];
	readonly default_member_permissions?: string | null;
	/** 0 guild, 1 bot DM, 2 private channel. */
	readonly contexts?: readonly number[];
	readonly nsfw?: boolean;
	readonly name_localizations?: Readonly<Record<string, string>>;
	readonly description_localizations?: Readonly<Record<string, string>>;
}

export interface UserArg {
	id: string;
	name: string;
	bot: boolean;
}
export interface ChannelArg {
	id: string;
	name: string | null;
	type: number;
}
export interface RoleArg {
	id: string;
	name: string;
}
export interface AttachmentArg {
	id: string;
	name: string;
	url: string;
	size: number;
	contentType: string | null;
}

type T = typeof ApplicationCommandOptionType;

/** The value a member's input for option `O` resolves to. */
export type ValueOf<O> = O extends { readonly choices: readonly { readonly value: infer V }[] }
	? V
	: O extends { readonly type: T['String'] }
		? string
		: O extends { readonly type: T['Integer'] | T['Number'] }
			? number
			: O extends { readonly type: T['Boolean'] }
				? boolean
				: O extends { readonly type: T['User'] }
					? UserArg
					: O extends { readonly type: T['Channel'] }
						? ChannelArg
						: O extends { readonly type: T['Role'] }
							? RoleArg
							: O extends { readonly type: T['Mentionable'] }
								? string
								: O extends { readonly type: T['Attachment'] }
									? AttachmentArg
									: never;

type Simplify<X> = { [K in keyof X]: X[K] } & {};

/** The arguments object for a flat list of options; optional options may be undefined. */
export type ArgsOfOptions<Os> = Os extends readonly OptionData[]
	? Simplify<
			{ [O in Os[number] as O extends { readonly required: true } ? O['name'] : never]: ValueOf<O> } & {
				[O in Os[number] as O extends { readonly required: true } ? never : O['name']]?: ValueOf<O>;
			}
		>
	: Record<string, never>;

type SubcommandArgs<O> = O extends { readonly type: T['Subcommand']; readonly name: infer N }
	? Simplify<{ subcommand: N } & ArgsOfOptions<O extends { readonly options: infer SO } ? SO : readonly []>>
	: never;

/**
 * The handler's `args`, derived from the command's definition: a command with subcommands gets a union
 * discriminated by `subcommand`; otherwise one object keyed by option name.
 */
export type ArgumentsOf<D extends CommandData> = D extends { readonly options: readonly (infer O)[] }
	? [Extract<O, { readonly type: T['Subcommand'] }>] extends [never]
		? ArgsOfOptions<D['options']>
		: SubcommandArgs<O>
	: Record<string, never>;
