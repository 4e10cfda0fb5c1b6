import type { Clock } from './clock.js';

/**
 * The services handlers receive as `ctx.deps`, built once in `src/app.ts` and replaced by fakes in tests.
 *
 * Core declares only what it uses itself (the clock, for cooldowns). The application adds its services (compute,
 * storage, curriculum, metrics, the LLM) where it composes them, in `src/deps.ts`, by augmenting this interface, as
 * Sapphire's container does: core imports no layer above it, and handlers still see one fully typed `Deps`.
 */
export interface Deps {
	clock: Clock;
}
