/**
 * Discord's limits for a modal: five inputs, a 45-character title and label, 100-character label description and
 * placeholder, 4,000-character value; a select menu holds 25 options of 100 characters.
 */
export const FORM_LIMITS = {
	inputs: 5,
	title: 45,
	label: 45,
	description: 100,
	placeholder: 100,
	value: 4000,
	choices: 25,
	choiceText: 100,
} as const;
