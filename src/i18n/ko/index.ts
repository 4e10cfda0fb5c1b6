import type { Catalogue } from '../catalogue.js';
import type { en } from '../en/index.js';
import { common } from './common.js';
import { core } from './core.js';
import { info } from './info.js';
import { progress } from './progress.js';

/** The Korean catalogue: written for Korean members, not word for word; same keys as English. */
export const ko: Catalogue<typeof en> = {
	common,
	core,
	info,
	progress,
};
