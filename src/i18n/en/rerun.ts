/** The "Run again with…" button, its form, what a re-run says it changed, and why a re-run is refused. */
export const rerun = {
	button: 'Run again with…',
	form: {
		title: 'Run {{command}} again',
		titleShort: 'Run the demo again',
		chooseOne: 'Choose one',
		theDefault: 'The default',
		yes: 'Yes',
		no: 'No',
		more: 'Other options (one name: value a line)',
		text: 'text',
		wholeNumber: 'whole number',
		number: 'number',
	},
	error: {
		unknownCommand: '{{command}} is not available on this bot (any more), so it cannot run from here.',
		permission: 'You do not have permission to use {{command}}.',
		guildOnly: '{{command}} works in a server, not in direct messages.',
		modal: '{{command}} opens a form, so it cannot run from here: type the command instead.',
		malformed: 'This button is no longer supported. Run the command again.',
		expired: 'This button has expired: type the command to run it again.',
		nothing: '{{command}} has no options to change here: type the command to run it again.',
		notAnOption:
			'“{{line}}” is not one of the other options of {{command}}: write one `name: value` a line, with a name among {{names}}.',
	},
	editAgain: 'Edit and try again',
	kept: 'What you typed is kept: press **{{label}}** to fix it.',
	summary: {
		ran: '🔁 **{{who}}** ran {{command}} again: {{changes}}',
		ranSame: '🔁 **{{who}}** ran {{command}} again with the same options',
		set: '{{name}} set to {{value}}',
		back: '{{name}} back to its default',
		changed: '{{name}} changed ({{value}})',
		characters_one: '{{n}} character',
		characters_other: '{{n}} characters',
	},
} as const;
