/** Messages of the shared core: option checks, permission refusals, stale buttons, busy and guild-only replies. */
export const core = {
	args: {
		noSubcommand: '/{{command}} has no subcommand {{subcommand}}.',
		needsSubcommand: '/{{command}} needs a subcommand: one of {{names}}.',
		unknownOption: '/{{command}} has no option {{option}}.',
		required: '{{option}} is required.',
		text: '{{option}} must be text.',
		minLength: '{{option}} must be at least {{min}} characters.',
		maxLength: '{{option}} must be at most {{max}} characters.',
		number: '{{option}} must be a number.',
		integer: '{{option}} must be a whole number.',
		min: '{{option}} must be at least {{min}}.',
		max: '{{option}} must be at most {{max}}.',
		boolean: '{{option}} must be true or false.',
		choice: '{{option}} must be one of {{allowed}}.',
	},
	forbidden: {
		organizer: 'Only organizers can {{what}}: you need the Manage Server permission{{role}}.',
		organizerRole: ' or the {{role}} role',
		presenterNoRole:
			'Only presenters can {{what}}, and this server has no presenter role yet, so only organizers can for now. Ask {{organizers}} to choose one with `/settings roles presenter_role:` and give it to you, or to {{what}} themselves.',
		presenter: 'Only presenters can {{what}}: ask {{organizers}} for the {{role}} role.',
		organizersWithRole: 'an organizer (Manage Server, or the {{role}} role)',
		organizers: 'an organizer (a member with Manage Server)',
		guildOnly: 'This command works in a server, not in direct messages.',
	},
	/** What a refusal says the member cannot do, by the phrase the caller passes (see src/core/roles.ts). */
	actions: {
		presentSession: 'present a session',
		runLiveQuiz: 'run a live quiz',
		endLiveQuiz: 'end a live quiz',
		changeSettings: 'change the settings',
		manageSchedule: 'manage the schedule',
		downloadReport: 'download the group report',
		replaceSecret: 'replace a level’s secret',
	},
	stale: {
		component: 'This button is no longer supported. Run the command again.',
		modal: 'This form is no longer supported. Run the command again.',
		command: 'The command /{{command}} is not available on this bot any more.',
	},
	busy: 'The bot is busy right now: try again in a few seconds.',
	stillRunning: 'Your {{command}} from a moment ago is still running: its answer comes first, then try again.',
	/** Shown while a member's demo waits for a worker thread (the answer replaces it). */
	queued: {
		wait_one:
			'⏳ Your {{command}} is in line behind {{count}} other run: about {{seconds}} s. It starts by itself, no need to send it again.',
		wait_other:
			'⏳ Your {{command}} is in line behind {{count}} other runs: about {{seconds}} s. It starts by itself, no need to send it again.',
		noEstimate_one:
			'⏳ Your {{command}} is in line behind {{count}} other run. It starts by itself, no need to send it again.',
		noEstimate_other:
			'⏳ Your {{command}} is in line behind {{count}} other runs. It starts by itself, no need to send it again.',
	},
	storeUnavailable:
		'The bot cannot reach its storage right now, so nothing was read or saved. Please try again in a minute.',
	/** Why the bot cannot post in a channel (shown to the organizer choosing it). */
	channel: {
		unseen: 'I cannot see that channel, or it is not a text channel.',
		noPermissions: 'I cannot read my permissions in {{channel}}.',
		missing: 'I am missing these permissions in {{channel}}: {{permissions}}.',
		permissionNames: {
			viewChannel: 'View Channel',
			sendMessages: 'Send Messages',
			embedLinks: 'Embed Links',
			attachFiles: 'Attach Files',
			createPublicThreads: 'Create Public Threads',
			sendMessagesInThreads: 'Send Messages in Threads',
		},
	},
} as const;
