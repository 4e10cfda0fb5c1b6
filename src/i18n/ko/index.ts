import type { Catalogue } from '../catalogue.js';
import type { en } from '../en/index.js';
import { attention } from './attention.js';
import { charts } from './charts.js';
import { chat } from './chat.js';
import { common } from './common.js';
import { core } from './core.js';
import { ffn } from './ffn.js';
import { info } from './info.js';
import { local } from './local.js';
import { modelText } from './model-text.js';
import { positions } from './positions.js';
import { present } from './present.js';
import { progress } from './progress.js';
import { quiz } from './quiz.js';
import { residual } from './residual.js';
import { sample } from './sample.js';
import { schedule } from './schedule.js';
import { settings } from './settings.js';
import { similarity } from './similarity.js';
import { tokenize } from './tokenize.js';
import { tutor } from './tutor.js';

/** The Korean catalogue: written for Korean members, not word for word; same keys as English. */
export const ko: Catalogue<typeof en> = {
	attention,
	charts,
	chat,
	common,
	core,
	ffn,
	info,
	local,
	modelText,
	positions,
	present,
	progress,
	quiz,
	residual,
	sample,
	schedule,
	settings,
	similarity,
	tokenize,
	tutor,
};
