import type { CommandTexts } from '../command-localizations.js';

/**
 * Korean names and descriptions of every command, option and choice, registered as Discord localisations (`ko`).
 * Names follow Discord's rules: lower case, no spaces, at most 32 characters.
 */
export const koCommands: CommandTexts = {};
