import { readFileSync } from 'node:fs';
import { fromRoot } from './paths.js';

/** The bot's version, from package.json. */
export const version: string = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string })
	.version;
