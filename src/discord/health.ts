import { storeHealth } from '../storage/health.js';
import type { App } from '../app.js';

export interface HealthReport {
	ok: boolean;
	mode: 'discord' | 'local';
	gateway?: { connected: boolean; detail: string };
	store: { kind: string; ok: boolean; error?: string };
	models: { name: string; loaded: boolean; detail?: string }[];
}

/**
 * What /healthz answers: the gateway's connection (Discord mode), whether the store answers, and the models' state.
 * Models load lazily, so "not loaded yet" is healthy; a model that failed to load is not.
 */
export async function healthReport(
	app: App,
	gateway?: () => { connected: boolean; detail: string },
): Promise<HealthReport> {
	const store = await storeHealth(app.store);
	const models = app.deps.modelStatus();
	const gatewayState = gateway?.();
	const modelsOk = models.every((m) => m.loaded || !m.detail?.startsWith('failed'));
	return {
		ok: store.ok && modelsOk && (gatewayState?.connected ?? true),
		mode: gateway ? 'discord' : 'local',
		...(gatewayState ? { gateway: gatewayState } : {}),
		store,
		models,
	};
}
