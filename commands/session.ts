import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { requireGuild } from '../src/core/roles.js';
import { t } from '../src/i18n/index.js';
import { tierSchema } from '../src/curriculum/question-schema.js';
import { findLanguage, languageLabel, languageOfLocale, suggestLanguages } from '../src/llm/language.js';
import { quotaLine } from '../src/llm/service.js';
import { tutorCurriculum } from '../src/llm/tutor/ask-flow.js';
import { finish, loadSession, respondTo, teach } from '../src/llm/tutor/session-flow.js';
import { ANSWER_FIELD, answerModal, progressMessage, welcomeMessage } from '../src/llm/tutor/session-view.js';

export default defineCommand({
	data: {
		name: 'session',
		description: 'Study a week with the AI tutor in a thread: knowledge points one by one, then an evaluation',
		contexts: [0],
		options: [
			{ type: T.Integer, name: 'week', description: 'The week to study', required: true, min_value: 1, max_value: 12 },
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
				description: 'The language of the session (default: your Discord language)',
				autocomplete: true,
				max_length: 60,
			},
		],
	},
	defer: 'ephemeral',
	async run({ args, deps, user, guildId, channelId, locale }) {
		const guild = requireGuild(guildId);
		await deps.llm.ready(guild);
		const language = args.language === undefined ? languageOfLocale(locale) : findLanguage(args.language);
		if (!language)
			throw new UserError(
				t('session.errors.unknownLanguage', { language: args.language?.slice(0, 40) }),
				'session.language',
			);
		// The week's pages in the session's language (Korean pages for a Korean session), as /ask reads them.
		const pages = tutorCurriculum(deps.curriculum, language);
		const week = pages.week(args.week);
		if (!week) throw new UserError(t('session.errors.noWeek', { week: args.week }), 'session.week');
		const check = await deps.poster.canPost(channelId);
		if (!check.ok) throw new UserError(t('session.errors.cannotPost', { reason: check.reason }), 'session.cannot-post');
		let session = await deps.repos.tutorSessions.create({
			guildId: guild,
			userId: user.id,
			channelId,
			threadId: null,
			week: week.number,
			tier: args.tier ?? 'core',
			language: language.code,
			current: null,
			visited: [],
			turns: [],
			startedAt: deps.clock.now().toISOString(),
			finishedAt: null,
		});
		let threadId: string;
		try {
			const starter = await deps.poster.send(channelId, {
				content: t('session.start.starter', { who: user.name, week: week.number, title: week.title }),
			});
			const name = t('session.start.threadName', { week: week.number, who: user.name });
			threadId = (await deps.poster.startThread(channelId, starter.id, name)).id;
			session = await deps.repos.tutorSessions.update(session.id, (s) => ({ ...s, threadId }));
			await deps.poster.send(threadId, welcomeMessage(session, week, pages.format));
		} catch (error) {
			if (error instanceof UserError) throw error;
			throw new UserError(t('session.errors.thread'), 'session.thread');
		}
		return { content: t('session.start.ready', { week: week.number, thread: threadId }), ephemeral: true };
	},
	autocomplete({ focused }) {
		if (focused.name !== 'language') return [];
		return suggestLanguages(focused.value).map((l) => ({ name: languageLabel(l), value: l.code }));
	},
	components: {
		// Each step is a new message in the thread, streamed as it is written.
		next: {
			defer: true,
			async run(ctx) {
				const scope = await loadSession(ctx, ctx.args[0] ?? '');
				const next = scope.session.current === null ? 0 : scope.session.current + 1;
				if (next >= scope.week.knowledgePoints.length) {
					throw new UserError(t('session.errors.lastPoint'), 'session.end');
				}
				return teach(ctx, scope, next);
			},
		},
		goto: {
			defer: true,
			async run(ctx) {
				const scope = await loadSession(ctx, ctx.args[0] ?? '');
				return teach(ctx, scope, Number(ctx.values[0]));
			},
		},
		tier: {
			defer: true,
			async run(ctx) {
				const scope = await loadSession(ctx, ctx.args[0] ?? '');
				const tier = tierSchema.parse(ctx.values[0]);
				const session = await ctx.deps.repos.tutorSessions.update(scope.session.id, (s) => ({ ...s, tier }));
				// Switching tier re-explains the current point at the new depth.
				return teach(ctx, { ...scope, session }, session.current ?? 0);
			},
		},
		answer: {
			async run(ctx) {
				const { session, week } = await loadSession(ctx, ctx.args[0] ?? '');
				if (session.current === null) throw new UserError(t('session.errors.notStarted'), 'session.not-started');
				return answerModal(session, week, session.current);
			},
		},
		progress: {
			async run(ctx) {
				const { session, week, format } = await loadSession(ctx, ctx.args[0] ?? '', { allowFinished: true });
				return progressMessage(session, week, format, quotaLine(await ctx.deps.llm.quota(ctx.user.id)));
			},
		},
		finish: {
			defer: true,
			async run(ctx) {
				return finish(ctx, await loadSession(ctx, ctx.args[0] ?? ''));
			},
		},
	},
	modals: {
		reply: {
			defer: true,
			async run(ctx) {
				const scope = await loadSession(ctx, ctx.args[0] ?? '');
				const kp = Number(ctx.args[1]);
				const text = (ctx.fields[ANSWER_FIELD] ?? '').trim();
				if (!text) throw new UserError(t('session.errors.empty'), 'session.empty');
				return respondTo(ctx, scope, kp, text);
			},
		},
	},
});
