import type { Catalogue } from '../catalogue.js';
import type { en } from '../en/index.js';
import { common } from './common.js';
import { local } from './local.js';
import { settings } from './settings.js';

/** The Korean catalogue: written for Korean members, not word for word; same keys as English. */
export const ko: Catalogue<typeof en> = { common, local, settings };
