import type { Store } from '../store.js';
import { GuildSettingsRepository } from './guild-settings.js';

/** Every repository, built over one store. Features add theirs here. */
export interface Repositories {
	settings: GuildSettingsRepository;
}

export function createRepositories(store: Store): Repositories {
	return {
		settings: new GuildSettingsRepository(store),
	};
}
