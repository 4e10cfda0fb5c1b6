import { common } from './common.js';
import { attention } from './attention.js';
import { charts } from './charts.js';
import { similarity } from './similarity.js';
import { tokenize } from './tokenize.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = {
	common,
	attention,
	charts,
	similarity,
	tokenize,
} as const;
