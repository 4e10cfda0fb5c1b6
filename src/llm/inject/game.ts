import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { BaseContext } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { requireGuild } from '../../core/roles.js';
import { chatJson } from '../json.js';
import { leakGuard, revealsSecret, squash } from '../safety.js';
import { remainingLine, spend } from '../service.js';
import { t } from '../../i18n/index.js';
import {
	guardSystemPrompt,
	guardUserMessage,
	judgeSystemPrompt,
	levelInfo,
	levelName,
	type InjectLevel,
} from './levels.js';
import { inputFilter } from './filter.js';
import { newSecret } from './secret.js';
import { levelRow } from './view.js';

/** The level a button or command names, or a clear refusal. */
export function requireLevel(raw: unknown): InjectLevel {
	const level = levelInfo(Number(raw));
	if (!level) throw new UserError(t('inject.errors.levels'), 'inject.level');
	return level;
}

/** The level's secret for this server (created on first use). Never log it. */
export function secretFor(ctx: BaseContext, level: InjectLevel): Promise<string> {
	return ctx.deps.repos.injectGame.secret(requireGuild(ctx.guildId), level.level, newSecret);
}

function quote(text: string): string {
	const short = text.length > 500 ? `${text.slice(0, 500)}…` : text;
	return short
		.split('\n')
		.map((l) => `> ${l}`)
		.join('\n');
}

/** How a defence stopped an attack, or null when the reply got through. */
type Outcome =
	{ blockedBy: null; reply: string } | { blockedBy: 'input-filter' | 'output-check' | 'llm-judge'; detail: string };

const judgeSchema = z.object({ reveals: z.boolean(), why: z.string().default('') });

/** Runs one attack through the level's defences. Only the levels' deliberate gaps let the secret out. */
async function runDefences(
	ctx: BaseContext,
	level: InjectLevel,
	secret: string,
	attack: string,
): Promise<{ outcome: Outcome; remaining: string }> {
	const { deps } = ctx;
	const ticket = await deps.llm.begin({ guildId: ctx.guildId, userId: ctx.user.id });
	const remaining = remainingLine(ticket, deps.llm.dailyQuota);
	if (level.defences.includes('input-filter')) {
		const matched = inputFilter(attack);
		if (matched) {
			// Refused before the model saw it: the member is not charged.
			await ticket.refund();
			return {
				outcome: { blockedBy: 'input-filter', detail: t('inject.blocked.contains', { matched }) },
				remaining,
			};
		}
	}
	const system = guardSystemPrompt(level, secret);
	const reply = await spend(ticket, (client) =>
		client.chat({
			messages: [
				{ role: 'system', content: system },
				{ role: 'user', content: guardUserMessage(level, attack) },
			],
			maxTokens: 300,
			temperature: 0.7,
		}),
	);
	if (level.defences.includes('output-check')) {
		const verdict = leakGuard({ instructions: system.replace(secret, ''), secret })(reply.text);
		if (!verdict.ok) {
			const what = t(verdict.reason === 'secret' ? 'inject.blocked.secretWord' : 'inject.blocked.instructions');
			return {
				outcome: { blockedBy: 'output-check', detail: t('inject.blocked.replyContained', { what }) },
				remaining,
			};
		}
	}
	if (level.defences.includes('llm-judge')) {
		const judged = await spend(ticket, (client) =>
			chatJson(
				client,
				[
					{ role: 'system', content: judgeSystemPrompt(secret) },
					{ role: 'user', content: `<reply>\n${reply.text.replace(/<\/?reply>/gi, '')}\n</reply>` },
				],
				judgeSchema,
				{ maxTokens: 200 },
			),
		);
		// A judge that cannot decide blocks: failing closed is the point of a guard.
		if (!judged.ok)
			return {
				outcome: { blockedBy: 'llm-judge', detail: t('inject.blocked.undecided') },
				remaining,
			};
		if (judged.value.reveals)
			return {
				outcome: {
					blockedBy: 'llm-judge',
					detail: t('inject.blocked.judgeSaid', { why: judged.value.why || t('inject.blocked.revealsSecret') }),
				},
				remaining,
			};
	}
	return { outcome: { blockedBy: null, reply: reply.text }, remaining };
}

/** The public line announcing a break (no secret in it). */
function announcement(ctx: BaseContext, level: InjectLevel, attempts: number): Reply {
	return {
		content: t('inject.attack.announcement', {
			who: ctx.user.name,
			level: level.level,
			name: levelName(level),
			count: attempts,
		}),
		allowedUserMentions: [],
	};
}

/** One attack: count it, run the defences, show the member (privately) what happened, record a leak as a break. */
export async function attack(ctx: BaseContext, level: InjectLevel, text: string): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const { deps } = ctx;
	const secret = await secretFor(ctx, level);
	const { outcome, remaining } = await runDefences(ctx, level, secret, text);
	const attempts = await deps.repos.injectGame.countAttempt(guildId, level.level, ctx.user.id);
	const head = `${t('inject.attack.head', { level: level.level, attempt: attempts })}\n${quote(text)}\n`;
	const levelLine = t('inject.attack.level', { level: level.level, name: levelName(level) });
	const foot = `-# ${[levelLine, remaining].filter(Boolean).join(' · ')}`;
	if (outcome.blockedBy) {
		const by = t(
			(
				{
					'input-filter': 'inject.blocked.inputFilter',
					'output-check': 'inject.blocked.outputCheck',
					'llm-judge': 'inject.blocked.judge',
				} as const
			)[outcome.blockedBy],
		);
		return {
			ephemeral: true,
			content: `${head}\n${t('inject.blocked.line', { by, detail: outcome.detail })}\n${foot}`,
			components: [levelRow(level.level)],
		};
	}
	const shown = outcome.reply.length > 1400 ? `${outcome.reply.slice(0, 1400)}…` : outcome.reply;
	const base: Reply = {
		ephemeral: true,
		content: `${head}\n${t('inject.attack.gatekeeper')}\n${shown}\n${foot}`,
		components: [levelRow(level.level)],
	};
	if (!revealsSecret(outcome.reply, secret)) return base;
	const { first } = await deps.repos.injectGame.recordBreak(guildId, level.level, ctx.user.id, deps.clock.now());
	const note = `\n${t('inject.attack.leaked')} ${t(first ? 'inject.attack.onBoard' : 'inject.attack.already')}`;
	return {
		...base,
		content: `${head}\n${t('inject.attack.gatekeeper')}\n${shown}\n${note}\n${foot}`,
		...(first ? { followUps: [announcement(ctx, level, attempts)] } : {}),
	};
}

/** Compares letters and digits only, case-folded, in constant time. */
function sameSecret(guess: string, secret: string): boolean {
	const a = Buffer.from(squash(guess));
	const b = Buffer.from(squash(secret));
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A guess at the secret: right records a break and tells the channel; wrong says so privately. */
export async function guess(ctx: BaseContext, level: InjectLevel, text: string): Promise<Reply> {
	const guildId = requireGuild(ctx.guildId);
	const secret = await secretFor(ctx, level);
	if (!sameSecret(text, secret)) {
		return {
			ephemeral: true,
			content: t('inject.guess.wrong', { level: level.level }),
			components: [levelRow(level.level)],
		};
	}
	const { first, entry } = await ctx.deps.repos.injectGame.recordBreak(
		guildId,
		level.level,
		ctx.user.id,
		ctx.deps.clock.now(),
	);
	const next = levelInfo(level.level + 1);
	const onward = next ? t('inject.guess.next', { level: next.level, name: levelName(next) }) : t('inject.guess.last');
	if (!first) return { ephemeral: true, content: t('inject.guess.alreadyBroken', { level: level.level, onward }) };
	return {
		ephemeral: true,
		content: t('inject.guess.correct', { level: level.level, onward }),
		followUps: [announcement(ctx, level, entry.attempts)],
	};
}
