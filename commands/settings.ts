import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { ORGANIZER_PERMISSIONS, requireGuild, requireOrganizer } from '../src/core/roles.js';
import type { GuildSettings } from '../src/storage/repositories/guild-settings.js';
import { OPERATOR_HINT } from '../src/llm/errors.js';
import type { TutorSwitch } from '../src/storage/repositories/tutor-settings.js';

/** The tutor's line: "not set up" whenever the bot has no model, whatever the server's switch says. */
function tutorLine(tutor: TutorSwitch, configured: boolean): string {
	if (!configured)
		return `not set up: this bot has no language model yet${tutor.enabled ? '' : ' (and it is switched off here)'}. ${OPERATOR_HINT}`;
	return tutor.enabled ? 'on' : 'off';
}

function describeSettings(s: GuildSettings, tutor: TutorSwitch, configured: boolean): string {
	return [
		`**Organizer role:** ${s.organizerRoleId ? `<@&${s.organizerRoleId}>` : 'none (members with Manage Server are organizers)'}`,
		`**Presenter role:** ${s.presenterRoleId ? `<@&${s.presenterRoleId}>` : 'none (only organizers present)'}`,
		`**Organizers on leaderboards:** ${s.excludeOrganizersFromLeaderboard ? 'left out' : 'included'}`,
		`**AI tutor (/ask, /session, /inject):** ${tutorLine(tutor, configured)}`,
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
		],
	},
	// Its replies are private.
	lateDefer: () => 'ephemeral',
	audience: 'organizer',
	async run({ args, guildId, user, deps }) {
		const guild = requireGuild(guildId);
		const current = await deps.repos.settings.get(guild);
		const tutor = await deps.repos.tutorSettings.get(guild);
		if (args.subcommand === 'show')
			return { content: describeSettings(current, tutor, deps.llm.configured), ephemeral: true };
		requireOrganizer(user, current, 'change the settings');
		if (args.subcommand === 'tutor') {
			const saved = await deps.repos.tutorSettings.set(guild, args.enabled, user.id, deps.clock.now());
			return { content: `✅ Saved.\n${describeSettings(current, saved, deps.llm.configured)}`, ephemeral: true };
		}
		const patch: Partial<GuildSettings> =
			args.subcommand === 'roles'
				? args.clear
					? { organizerRoleId: null, presenterRoleId: null }
					: {
							...(args.organizer_role ? { organizerRoleId: args.organizer_role.id } : {}),
							...(args.presenter_role ? { presenterRoleId: args.presenter_role.id } : {}),
						}
				: { excludeOrganizersFromLeaderboard: args.exclude_organizers };
		const saved = await deps.repos.settings.update(guild, patch);
		return { content: `✅ Saved.\n${describeSettings(saved, tutor, deps.llm.configured)}`, ephemeral: true };
	},
});
