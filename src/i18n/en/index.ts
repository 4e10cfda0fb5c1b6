import { attention } from './attention.js';
import { charts } from './charts.js';
import { chat } from './chat.js';
import { common } from './common.js';
import { core } from './core.js';
import { ffn } from './ffn.js';
import { info } from './info.js';
import { inject } from './inject.js';
import { local } from './local.js';
import { modelText } from './model-text.js';
import { ngram } from './ngram.js';
import { positions } from './positions.js';
import { present } from './present.js';
import { progress } from './progress.js';
import { quiz } from './quiz.js';
import { repost } from './repost.js';
import { rerun } from './rerun.js';
import { residual } from './residual.js';
import { sample } from './sample.js';
import { schedule } from './schedule.js';
import { session } from './session.js';
import { settings } from './settings.js';
import { similarity } from './similarity.js';
import { tokenize } from './tokenize.js';
import { tutor } from './tutor.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = {
	attention,
	charts,
	chat,
	common,
	core,
	ffn,
	info,
	inject,
	local,
	modelText,
	ngram,
	positions,
	present,
	progress,
	quiz,
	repost,
	rerun,
	residual,
	sample,
	schedule,
	session,
	settings,
	similarity,
	tokenize,
	tutor,
} as const;
