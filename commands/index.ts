import type { AnyCommand } from '../src/core/command.js';
import about from './about.js';
import ask from './ask.js';
import attention from './attention.js';
import checkin from './checkin.js';
import ffn from './ffn.js';
import help from './help.js';
import inject from './inject.js';
import leaderboard from './leaderboard.js';
import ngram from './ngram.js';
import positions from './positions.js';
import present from './present.js';
import progress from './progress.js';
import quiz from './quiz.js';
import report from './report.js';
import residual from './residual.js';
import review from './review.js';
import sample from './sample.js';
import schedule from './schedule.js';
import session from './session.js';
import settings from './settings.js';
import similarity from './similarity.js';
import tokenize from './tokenize.js';
import week from './week.js';

/** Every command the bot registers, in the order /help lists them. Add new commands here. */
export const commands: readonly AnyCommand[] = [
	help,
	about,
	week,
	settings,
	schedule,
	ask,
	session,
	inject,
	tokenize,
	similarity,
	attention,
	sample,
	ngram,
	positions,
	ffn,
	residual,
	present,
	quiz,
	review,
	progress,
	leaderboard,
	checkin,
	report,
];
