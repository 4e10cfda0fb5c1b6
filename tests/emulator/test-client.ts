import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { DiscordEmulator } from './emulator.js';

/**
 * discord.js waits 5 s (plus up to 1.5 s) between two IDENTIFYs of one shard, as Discord asks. Tests that force a
 * re-identify pass this to skip the wait; the protocol is unchanged.
 */
export const noIdentifyWait: NonNullable<ClientOptions['ws']> = {
	buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }),
};

/** Logs a bare discord.js Client into the emulator and waits for `clientReady`. */
export async function loginClient(
	emulator: DiscordEmulator,
	options: Partial<ClientOptions> = {},
): Promise<Client<true>> {
	const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emulator.clientOptions(), ...options });
	const ready = once(client, Events.ClientReady);
	await client.login(emulator.token);
	await ready;
	return client as Client<true>;
}
