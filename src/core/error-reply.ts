import { randomBytes } from 'node:crypto';
import { t } from '../i18n/index.js';
import { isUserError } from './errors.js';
import type { Reply } from './reply.js';

/** A short id a member can quote and an operator can find in the logs. */
export function newReferenceId(): string {
	return randomBytes(4).toString('hex');
}

/** The ephemeral reply for an expected failure: the UserError's own message, with a ❌. */
export function userErrorReply(message: string): Reply {
	return { content: `❌ ${message}`, ephemeral: true };
}

/** The ephemeral reply for an unexpected failure: a short apology quoting the reference id. */
export function unexpectedErrorReply(referenceId: string): Reply {
	return {
		content: `❌ ${t('common.errors.unexpected', { reference: referenceId })}`,
		ephemeral: true,
	};
}

/** Maps any thrown value to the reply a member sees. Unexpected errors need a reference id (logged by the caller). */
export function errorReply(error: unknown, referenceId: string): Reply {
	return isUserError(error) ? userErrorReply(error.message) : unexpectedErrorReply(referenceId);
}
