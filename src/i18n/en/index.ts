import { common } from './common.js';
import { present } from './present.js';
import { quiz } from './quiz.js';
import { schedule } from './schedule.js';
import { tutor } from './tutor.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = { common, present, quiz, schedule, tutor } as const;
