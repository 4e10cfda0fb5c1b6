import { healthReport } from './health.js';
import type { ShardIpc } from './shard-manager.js';
import { gatewayState, type DiscordBot } from './start.js';

/**
 * Lets the ShardingManager's broadcastEval read this shard's health and metrics: broadcastEval runs code with the
 * process's client, so the answers hang off the client.
 */
export function attachShardIpc(bot: DiscordBot): void {
	const ipc: ShardIpc = {
		health: () => healthReport(bot.app, () => gatewayState(bot.client)),
		metrics: () => bot.app.metrics.registry.getMetricsAsJSON(),
	};
	(bot.client as unknown as { botIpc: ShardIpc }).botIpc = ipc;
}
