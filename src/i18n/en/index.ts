import { common } from './common.js';
import { core } from './core.js';
import { info } from './info.js';
import { progress } from './progress.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = {
	common,
	core,
	info,
	progress,
} as const;
