/** Messages shared by every command: errors, limits, the tutor's state. */
export const common = {
	errors: {
		unexpected:
			'Sorry, something went wrong on our side. If it keeps happening, tell an organizer and quote reference `{{reference}}`.',
		rateLimited: 'You have run /{{command}} a lot in a short time: try again in {{seconds}} s.',
	},
} as const;
