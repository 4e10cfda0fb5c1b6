import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { requireGuild } from '../src/core/roles.js';
import { tierSchema } from '../src/curriculum/question-schema.js';
import { findLanguage, languageLabel, languageOfLocale, suggestLanguages } from '../src/llm/language.js';
import { quotaLine } from '../src/llm/service.js';
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
		const week = deps.curriculum.week(args.week);
		if (!week) throw new UserError(`There is no week ${args.week}.`, 'session.week');
		const language = args.language === undefined ? languageOfLocale(locale) : findLanguage(args.language);
		if (!language)
			throw new UserError(
				`I do not know the language “${args.language?.slice(0, 40)}”. Pick one from the list.`,
				'session.language',
			);
		const check = await deps.poster.canPost(channelId);
		if (!check.ok) throw new UserError(`I cannot open a session thread here: ${check.reason}`, 'session.cannot-post');
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
				content: `📚 **${user.name}** is studying week ${week.number}: ${week.title}.`,
			});
			threadId = (await deps.poster.startThread(channelId, starter.id, `Week ${week.number} · ${user.name}`)).id;
			session = await deps.repos.tutorSessions.update(session.id, (s) => ({ ...s, threadId }));
			await deps.poster.send(threadId, welcomeMessage(session, week, deps.curriculum.format));
		} catch (error) {
			if (error instanceof UserError) throw error;
			throw new UserError(
				'I could not open a thread for your session here (a thread inside a thread, or a missing permission). Try /session in a text channel.',
				'session.thread',
			);
		}
		return { content: `Your session on week ${week.number} is ready in <#${threadId}>.`, ephemeral: true };
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
					throw new UserError(
						'That was the last knowledge point. Press 🏁 Finish for your evaluation, or pick a point from the menu to review it.',
						'session.end',
					);
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
				if (session.current === null)
					throw new UserError('Press ▶️ Start first: the answer goes with a knowledge point.', 'session.not-started');
				return answerModal(session, week, session.current);
			},
		},
		progress: {
			async run(ctx) {
				const { session, week } = await loadSession(ctx, ctx.args[0] ?? '', { allowFinished: true });
				return progressMessage(
					session,
					week,
					ctx.deps.curriculum.format,
					quotaLine(await ctx.deps.llm.quota(ctx.user.id)),
				);
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
				if (!text) throw new UserError('Write an answer or a question first.', 'session.empty');
				return respondTo(ctx, scope, kp, text);
			},
		},
	},
});
