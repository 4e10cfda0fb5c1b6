import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import type { Tier } from '../src/curriculum/question-schema.js';
import { findLanguage, languageLabel, languageOfLocale, suggestLanguages, type Language } from '../src/llm/language.js';
import {
	answerQuestion,
	FOLLOW_UP_FIELD,
	followUpModal,
	QUESTION_MAX,
	tutorCurriculum,
} from '../src/llm/tutor/ask-flow.js';
import { t } from '../src/i18n/index.js';
import { resolveWeek } from '../src/llm/tutor/week.js';

/** The member's language choice, or their Discord locale's language; only table entries are accepted. */
function languageFor(choice: string | undefined, locale: string): Language {
	if (choice === undefined) return languageOfLocale(locale);
	const found = findLanguage(choice);
	if (!found) {
		const some = suggestLanguages('', 8).map(languageLabel).join(', ');
		throw new UserError(t('tutor.ask.unknownLanguage', { language: choice.slice(0, 40), some }), 'ask.language');
	}
	return found;
}

export default defineCommand({
	data: {
		name: 'ask',
		description: 'Ask the AI tutor about the course, at your tier and in your language',
		options: [
			{ type: T.String, name: 'question', description: 'Your question', required: true, max_length: QUESTION_MAX },
			{
				type: T.String,
				name: 'tier',
				description: 'How deep: core concepts (default), implementation or theory',
				choices: [
					{ name: 'Core concepts (for everyone)', value: 'core' },
					{ name: 'Hands-on implementation (code)', value: 'implementation' },
					{ name: 'Advanced theory (maths)', value: 'theory' },
				],
			},
			{
				type: T.String,
				name: 'language',
				description: 'The language of the answer (default: your Discord language)',
				autocomplete: true,
				max_length: 60,
			},
			{
				type: T.Integer,
				name: 'week',
				description: 'The week whose page grounds the answer (default: your session’s, or the best match)',
				min_value: 1,
				max_value: 12,
			},
		],
	},
	async run(ctx) {
		const { args, deps, user, guildId } = ctx;
		const ticket = await deps.llm.begin({ guildId, userId: user.id });
		try {
			const language = languageFor(args.language, ctx.locale);
			// The week's page in the answer's language (Korean pages for a Korean answer), as the model's context.
			const { week, source } = await resolveWeek(deps, tutorCurriculum(deps.curriculum, language), {
				week: args.week,
				guildId,
				userId: user.id,
				question: args.question,
			});
			const tier: Tier = args.tier ?? 'core';
			return await answerQuestion(ctx, {
				ticket,
				question: args.question,
				week,
				weekSource: source,
				tier,
				language,
				previous: null,
			});
		} catch (error) {
			// A request refused before the model saw it costs the member nothing.
			if (error instanceof UserError && !error.code.startsWith('llm.')) await ticket.refund();
			throw error;
		}
	},
	autocomplete({ focused }) {
		if (focused.name !== 'language') return [];
		return suggestLanguages(focused.value).map((l) => ({ name: languageLabel(l), value: l.code }));
	},
	components: {
		follow: {
			run: ({ args }) => followUpModal(args[0] ?? ''),
		},
	},
	modals: {
		followup: {
			// A new public message, not an edit of the answer the button sits on.
			defer: true,
			async run(ctx) {
				const { deps, user, guildId, fields } = ctx;
				const previous = await deps.repos.tutorConversations.get(ctx.args[0] ?? '');
				if (!previous) throw new UserError(t('tutor.ask.expired'), 'ask.expired');
				const question = (fields[FOLLOW_UP_FIELD] ?? '').trim();
				if (!question) throw new UserError(t('tutor.ask.empty'), 'ask.empty');
				const language = findLanguage(previous.language);
				const week = language ? tutorCurriculum(deps.curriculum, language).week(previous.week) : undefined;
				if (!week || !language) throw new UserError(t('tutor.ask.weekGone'), 'ask.expired');
				const ticket = await deps.llm.begin({ guildId, userId: user.id });
				return answerQuestion(ctx, {
					ticket,
					question,
					week,
					weekSource: 'asked',
					tier: previous.tier,
					language,
					previous,
				});
			},
		},
	},
});
