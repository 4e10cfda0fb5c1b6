import type { AnyCommand } from '../src/core/command.js';
import about from './about.js';
import ask from './ask.js';
import help from './help.js';
import inject from './inject.js';
import schedule from './schedule.js';
import session from './session.js';
import settings from './settings.js';
import similarity from './similarity.js';
import tokenize from './tokenize.js';
import week from './week.js';

/** Every command the bot registers, in the order /help lists them. Add new commands here. */
export const commands: readonly AnyCommand[] = [help, about, week, settings, schedule, ask, session, inject, tokenize, similarity];
