import { chat } from './chat.js';
import { common } from './common.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = { common, chat } as const;
