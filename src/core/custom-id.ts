import { t } from '../i18n/index.js';
import { UserError } from './errors.js';

/** Discord's limit for a component's or modal's custom_id. */
export const CUSTOM_ID_MAX = 100;
const SEPARATOR = ':';

/**
 * Builds a component custom id routed to `command`'s handler `handler`, carrying `args`.
 * State lives in the id (or in storage), never in memory, so buttons keep working after a restart.
 */
export function customId(command: string, handler: string, ...args: (string | number)[]): string {
	const parts = [command, handler, ...args.map(String)];
	for (const part of parts) {
		if (part.includes(SEPARATOR)) throw new Error(`custom id part must not contain "${SEPARATOR}": ${part}`);
	}
	const id = parts.join(SEPARATOR);
	if (id.length > CUSTOM_ID_MAX) throw new Error(`custom id longer than ${CUSTOM_ID_MAX}: ${id}`);
	return id;
}

export interface ParsedCustomId {
	command: string;
	handler: string;
	args: string[];
}

/** Splits a custom id made by {@link customId}. */
export function parseCustomId(id: string): ParsedCustomId {
	const [command, handler, ...args] = id.split(SEPARATOR);
	if (!command || !handler) throw new UserError(t('core.stale.component'), 'component.unknown');
	return { command, handler, args };
}
