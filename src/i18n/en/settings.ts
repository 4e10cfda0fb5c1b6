/** /settings: the server's settings as organizers see and change them. */
export const settings = {
	show: {
		organizerRole: '**Organizer role:** {{value}}',
		organizerRoleNone: 'none (members with Manage Server are organizers)',
		presenterRole: '**Presenter role:** {{value}}',
		presenterRoleNone: 'none (only organizers present)',
		leaderboard: '**Organizers on leaderboards:** {{value}}',
		leftOut: 'left out',
		included: 'included',
		tutor: '**AI tutor (/ask, /session, /inject):** {{value}}',
		tutorOn: 'on',
		tutorOff: 'off',
		tutorNotSetUp: 'not set up: this bot has no language model yet. {{hint}}',
		tutorNotSetUpAndOff: 'not set up: this bot has no language model yet (and it is switched off here). {{hint}}',
		operatorHint:
			'The bot’s operator sets `OPENAI_API_KEY` (and, for a server other than OpenAI, `OPENAI_BASE_URL` and `OPENAI_MODEL`; see `.env.example`) and restarts the bot.',
		language: '**Language of public posts:** {{value}}',
		languageChosen: '{{language}}',
		languageFollowsServer: 'the server’s Discord language (now {{language}})',
	},
	languages: { en: 'English', ko: 'Korean' },
	saved: '✅ Saved.',
} as const;
