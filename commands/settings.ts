import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import { publicLanguage, type GuildSettings } from '../src/storage/repositories/guild-settings.js';
import type { TutorSwitch } from '../src/storage/repositories/tutor-settings.js';
import { t } from '../src/i18n/index.js';

/** The tutor's line: "not set up" whenever the bot has no model, whatever the server's switch says. */
function tutorLine(tutor: TutorSwitch, configured: boolean): string {
	if (!configured)
		return t(tutor.enabled ? 'settings.show.tutorNotSetUp' : 'settings.show.tutorNotSetUpAndOff', {
			hint: t('settings.show.operatorHint'),
		});
	return tutor.enabled ? t('settings.show.tutorOn') : t('settings.show.tutorOff');
}

/** The language of public posts: the one organizers chose, or the server's Discord language as it is now. */
function languageLine(s: GuildSettings, guildLocale: string | null): string {
	const language = t(`settings.languages.${publicLanguage(s, guildLocale)}`);
	return s.language
		? t('settings.show.languageChosen', { language })
		: t('settings.show.languageFollowsServer', { language });
}

function describeSettings(
	s: GuildSettings,
	tutor: TutorSwitch,
	configured: boolean,
	guildLocale: string | null,
): string {
	return [
		t('settings.show.organizerRole', {
			value: s.organizerRoleId ? `<@&${s.organizerRoleId}>` : t('settings.show.organizerRoleNone'),
		}),
		t('settings.show.presenterRole', {
			value: s.presenterRoleId ? `<@&${s.presenterRoleId}>` : t('settings.show.presenterRoleNone'),
		}),
		t('settings.show.leaderboard', {
			value: s.excludeOrganizersFromLeaderboard ? t('settings.show.leftOut') : t('settings.show.included'),
		}),
		t('settings.show.tutor', { value: tutorLine(tutor, configured) }),
		t('settings.show.language', { value: languageLine(s, guildLocale) }),
	].join('\n');
}

export default defineCommand({
	data: {
		name: 'settings',
		description: 'Server settings for the study bot (organizers)',
		contexts: [0],
		default_member_permissions: ORGANIZER_PERMISSIONS,
		options: [
			{ type: T.Subcommand, name: 'show', description: 'Show the current settings' },
			{
				type: T.Subcommand,
				name: 'roles',
				description: 'Choose which roles count as organizers and presenters',
				options: [
					{
						type: T.Role,
						name: 'organizer_role',
						description: 'Members with this role can manage schedules and reports',
					},
					{
						type: T.Role,
						name: 'presenter_role',
						description: 'Members with this role can run live quizzes and sessions',
					},
					{ type: T.Boolean, name: 'clear', description: 'Remove both role settings' },
				],
			},
			{
				type: T.Subcommand,
				name: 'leaderboard',
				description: 'Choose whether organizers appear on leaderboards',
				options: [{ type: T.Boolean, name: 'exclude_organizers', description: 'Leave organizers out', required: true }],
			},
			{
				type: T.Subcommand,
				name: 'tutor',
				description: 'Turn the AI tutor (/ask, /session, /inject) on or off for this server',
				options: [{ type: T.Boolean, name: 'enabled', description: 'On or off', required: true }],
			},
			{
				type: T.Subcommand,
				name: 'language',
				description: 'The language of public posts: weekly posts, reminders, live quizzes, presentations',
				options: [
					{
						type: T.String,
						name: 'language',
						description: 'English, Korean, or follow the server’s Discord language',
						required: true,
						choices: [
							{ name: 'English', value: 'en' },
							{ name: 'Korean (한국어)', value: 'ko' },
							{ name: 'Follow the server’s Discord language', value: 'server' },
						],
					},
				],
			},
		],
	},
	// Its replies are private.
	lateDefer: () => 'ephemeral',
	audience: 'organizer',
	async run({ args, guildId, guildLocale, user, deps }) {
		const guild = requireGuild(guildId);
		const current = await deps.repos.settings.rememberServerLocale(guild, guildLocale);
		const tutor = await deps.repos.tutorSettings.get(guild);
		if (args.subcommand === 'show')
			return { content: describeSettings(current, tutor, deps.llm.configured, guildLocale), ephemeral: true };
		requireOrganizer(user, current, 'change the settings');
		if (args.subcommand === 'tutor') {
			const saved = await deps.repos.tutorSettings.set(guild, args.enabled, user.id, deps.clock.now());
			return {
				content: `${t('settings.saved')}\n${describeSettings(current, saved, deps.llm.configured, guildLocale)}`,
				ephemeral: true,
			};
		}
		const patch: Partial<GuildSettings> =
			args.subcommand === 'roles'
				? args.clear
					? { organizerRoleId: null, presenterRoleId: null }
					: {
							...(args.organizer_role ? { organizerRoleId: args.organizer_role.id } : {}),
							...(args.presenter_role ? { presenterRoleId: args.presenter_role.id } : {}),
						}
				: args.subcommand === 'language'
					? { language: args.language === 'server' ? null : args.language }
					: { excludeOrganizersFromLeaderboard: args.exclude_organizers };
		const saved = await deps.repos.settings.update(guild, patch);
		return {
			content: `${t('settings.saved')}\n${describeSettings(saved, tutor, deps.llm.configured, guildLocale)}`,
			ephemeral: true,
		};
	},
});
