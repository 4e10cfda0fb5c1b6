import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { requireGuild, requireOrganizer } from '../src/core/roles.js';
import { t } from '../src/i18n/index.js';
import { attack, guess, requireLevel } from '../src/llm/inject/game.js';
import { LEVELS } from '../src/llm/inject/levels.js';
import { newSecret } from '../src/llm/inject/secret.js';
import {
	ATTACK_FIELD,
	attackModal,
	briefing,
	GUESS_FIELD,
	guessModal,
	leaderboard,
	levelRow,
} from '../src/llm/inject/view.js';

export default defineCommand({
	data: {
		name: 'inject',
		description: 'Week 3 game: make a guarded model leak its secret, level by level',
		contexts: [0],
		options: [
			{
				type: T.Integer,
				name: 'level',
				description: 'The level to play (1–5); leave out for the leaderboard',
				min_value: 1,
				max_value: LEVELS.length,
			},
			{
				type: T.Boolean,
				name: 'new_secret',
				description: 'Organizers: give this level a new secret (after it was shared)',
			},
		],
	},
	async run(ctx) {
		const { args, deps, user } = ctx;
		const guildId = requireGuild(ctx.guildId);
		await deps.llm.ready(guildId);
		if (args.level === undefined) {
			if (args.new_secret) throw new UserError(t('inject.errors.nameLevel'), 'inject.level');
			return { embeds: [leaderboard(await deps.repos.injectGame.breaks(guildId))], allowedUserMentions: [] };
		}
		const level = requireLevel(args.level);
		if (args.new_secret) {
			requireOrganizer(user, await deps.repos.settings.get(guildId), 'replace a level’s secret');
			await deps.repos.injectGame.rotate(guildId, level.level, newSecret);
			return {
				ephemeral: true,
				content: t('inject.rotated', { level: level.level }),
			};
		}
		return { ...briefing(level), components: [levelRow(level.level)] };
	},
	components: {
		attack: { run: ({ args }) => attackModal(requireLevel(args[0]).level) },
		guess: { run: ({ args }) => guessModal(requireLevel(args[0]).level) },
	},
	modals: {
		send: {
			// Attacks and their answers are private: a leaked secret should not spread through the channel.
			defer: 'ephemeral',
			async run(ctx) {
				await ctx.deps.llm.ready(ctx.guildId);
				const text = (ctx.fields[ATTACK_FIELD] ?? '').trim();
				if (!text) throw new UserError(t('inject.errors.empty'), 'inject.empty');
				return attack(ctx, requireLevel(ctx.args[0]), text);
			},
		},
		check: {
			defer: 'ephemeral',
			async run(ctx) {
				await ctx.deps.llm.ready(ctx.guildId);
				return guess(ctx, requireLevel(ctx.args[0]), ctx.fields[GUESS_FIELD] ?? '');
			},
		},
	},
});
