import { t } from '../i18n/index.js';

/**
 * An expected failure the member can act on: bad input, missing permission, nothing recorded yet.
 * Its message is shown to the member as is (ephemeral, with a ❌), so write it for them.
 */
export class UserError extends Error {
	override readonly name = 'UserError';
	constructor(
		message: string,
		/** A stable identifier for tests and metrics, e.g. `tokenize.too-long`. */
		readonly code = 'user-error',
	) {
		super(message);
	}
}

/** The bot is at capacity right now; the member should retry in a few seconds. */
export class BusyError extends UserError {
	constructor(message = t('core.busy')) {
		super(message, 'busy');
	}
}

/** A dependency the command needs (the store, an LLM) is unreachable; the message says which. */
export class UnavailableError extends UserError {
	constructor(message: string, code = 'unavailable') {
		super(message, code);
	}
}

export function isUserError(error: unknown): error is UserError {
	return error instanceof UserError;
}
