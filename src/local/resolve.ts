import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { UserError } from '../core/errors.js';
import { codeSpan } from '../core/visible-text.js';
import type { ChannelArg, OptionData, RoleArg, UserArg } from '../core/options.js';
import { t } from '../i18n/index.js';
import type { LocalWorkspace } from './workspace.js';

const MENTION = /^<(@!?|#|@&)(\d{17,20})>$/;

function userArg(workspace: LocalWorkspace, text: string): UserArg {
	const mention = MENTION.exec(text);
	const member =
		mention && mention[1] !== '#' && mention[1] !== '@&' ? workspace.member(mention[2]!) : workspace.member(text);
	if (member) return { id: member.id, name: member.name, bot: false };
	if (text.replace(/^@/, '').toLowerCase() === workspace.bot.name.toLowerCase())
		return { id: workspace.bot.id, name: workspace.bot.name, bot: true };
	const names = workspace
		.members()
		.map((m) => m.name)
		.join(', ');
	throw new UserError(t('local.resolve.noMember', { name: codeSpan(text, 40), names }), 'local.unknown-member');
}

function channelArg(workspace: LocalWorkspace, text: string): ChannelArg {
	const mention = MENTION.exec(text);
	const channel = workspace.channel(mention?.[1] === '#' ? mention[2]! : text);
	if (channel) return { id: channel.id, name: channel.name, type: channel.type };
	throw new UserError(t('local.resolve.noChannel', { name: codeSpan(text, 40) }), 'local.unknown-channel');
}

function roleArg(workspace: LocalWorkspace, text: string): RoleArg {
	const mention = MENTION.exec(text);
	const wanted = mention?.[1] === '@&' ? mention[2]! : text.replace(/^@/, '').toLowerCase();
	const role = workspace.roles.find((r) => r.id === wanted || r.name === wanted);
	if (role) return { id: role.id, name: role.name };
	throw new UserError(
		t('local.resolve.noRole', { name: text, names: workspace.roles.map((r) => r.name).join(', ') }),
		'local.unknown-role',
	);
}

/**
 * Turns typed option text into what Discord sends for each option type: members, channels and roles by name (or
 * mention), mentionables as ids. Numbers and booleans stay text: `argsFor` converts and checks them as for Discord.
 */
export function resolveOptions(
	workspace: LocalWorkspace,
	options: readonly OptionData[],
	typed: Readonly<Record<string, string>>,
): Record<string, unknown> {
	const byName = new Map(options.map((o) => [o.name, o]));
	const out: Record<string, unknown> = {};
	for (const [name, text] of Object.entries(typed)) {
		const option = byName.get(name);
		if (!option || text === '') {
			out[name] = text; // argsFor reports unknown and missing options in Discord's words
			continue;
		}
		switch (option.type) {
			case T.User:
				out[name] = userArg(workspace, text);
				break;
			case T.Channel:
				out[name] = channelArg(workspace, text);
				break;
			case T.Role:
				out[name] = roleArg(workspace, text);
				break;
			case T.Mentionable: {
				const member = workspace.member(text.replace(/^<@!?(\d+)>$/, '$1'));
				out[name] = member ? member.id : roleArg(workspace, text).id;
				break;
			}
			case T.Attachment:
				throw new UserError(t('local.resolve.noUpload', { option: name }), 'local.attachment');
			default:
				out[name] = text;
		}
	}
	return out;
}
