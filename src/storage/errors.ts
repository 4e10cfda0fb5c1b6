import { UnavailableError } from '../core/errors.js';

/** The store did not answer (down, unreachable, too slow). Nothing was saved; the member is told so. */
export class StoreUnavailableError extends UnavailableError {
	constructor(override readonly cause: unknown) {
		super(
			'The bot cannot reach its storage right now, so nothing was read or saved. Please try again in a minute.',
			'store.unavailable',
		);
	}
}
