import type { Logger } from 'pino';
import type { Deps } from '../core/deps.js';
import type { OutcomeListener } from '../core/interaction.js';
import { DEMO_COMMAND_NAMES } from '../curriculum/index.js';

/** The commands that count as demos on /progress: the curriculum's demo commands, except /quiz (counted as answers). */
export const COUNTED_DEMOS: ReadonlySet<string> = new Set(DEMO_COMMAND_NAMES.filter((name) => name !== 'quiz'));

/**
 * Counts members' successful demo commands (/tokenize, /similarity, …) for /progress, from the dispatcher's outcome
 * hook: one place sees every command, so the demo commands need no code for it, and a command added later is
 * counted as soon as the curriculum lists it as a demo. The count is written after the member got their answer and
 * is not acknowledged to them, so it is fire-and-forget (a failure is logged, never shown).
 */
export function demoRunListener(deps: Pick<Deps, 'repos' | 'clock'>, log: Logger): OutcomeListener {
	return (event) => {
		if (
			event.kind !== 'command' ||
			event.outcome !== 'ok' ||
			!event.guildId ||
			!event.user ||
			!COUNTED_DEMOS.has(event.name)
		)
			return;
		deps.repos.memberActivity
			.recordDemo(event.guildId, event.user, event.name, deps.clock.now())
			.catch((error: unknown) => log.warn({ err: error, command: event.name }, 'could not count a demo run'));
	};
}
