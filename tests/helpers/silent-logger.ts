import { pino } from 'pino';

/** A logger that drops everything (tests that check logging use their own destination). */
export const silentLogger = pino({ level: 'silent' });
