import type { Catalogue } from '../catalogue.js';
import type { en } from '../en/index.js';
import { common } from './common.js';
import { attention } from './attention.js';
import { charts } from './charts.js';
import { similarity } from './similarity.js';
import { tokenize } from './tokenize.js';

/** The Korean catalogue: written for Korean members, not word for word; same keys as English. */
export const ko: Catalogue<typeof en> = {
	common,
	attention,
	charts,
	similarity,
	tokenize,
};
