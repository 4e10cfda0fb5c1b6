import type { Catalogue } from '../catalogue.js';
import type { en } from '../en/index.js';
import { common } from './common.js';
import { present } from './present.js';
import { quiz } from './quiz.js';
import { schedule } from './schedule.js';
import { tutor } from './tutor.js';

/** The Korean catalogue: written for Korean members, not word for word; same keys as English. */
export const ko: Catalogue<typeof en> = { common, present, quiz, schedule, tutor };
