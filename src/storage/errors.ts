import { UnavailableError } from '../core/errors.js';
import { t } from '../i18n/index.js';

/** The store did not answer (down, unreachable, too slow). Nothing was saved; the member is told so. */
export class StoreUnavailableError extends UnavailableError {
	constructor(override readonly cause: unknown) {
		super(t('core.storeUnavailable'), 'store.unavailable');
	}
}
