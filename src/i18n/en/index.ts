import { common } from './common.js';
import { local } from './local.js';
import { settings } from './settings.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = { common, local, settings } as const;
