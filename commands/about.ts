import { defineCommand } from '../src/core/command.js';

function duration(ms: number): string {
	const s = Math.floor(ms / 1000);
	const d = Math.floor(s / 86400);
	const h = Math.floor((s % 86400) / 3600);
	const m = Math.floor((s % 3600) / 60);
	return [d ? `${d}d` : '', h ? `${h}h` : '', `${m}m`, `${s % 60}s`].filter(Boolean).join(' ');
}

export default defineCommand({
	data: { name: 'about', description: 'Version, uptime, loaded models and storage of this bot' },
	audience: 'member',
	run({ deps }) {
		const models = deps.modelStatus();
		const modelLines = models.length
			? models.map((m) => `${m.loaded ? '🟢' : '⚪'} ${m.name}${m.detail ? `: ${m.detail}` : ''}`).join('\n')
			: 'none registered';
		return {
			embeds: [
				{
					title: 'About LLM Study Bot',
					fields: [
						{ name: 'Version', value: deps.version, inline: true },
						{ name: 'Uptime', value: duration(deps.clock.now().getTime() - deps.startedAt.getTime()), inline: true },
						{ name: 'Storage', value: deps.storeKind, inline: true },
						{ name: 'Models (loaded on first use)', value: modelLines },
						{ name: 'Runtime', value: `Node ${process.version}`, inline: true },
					],
				},
			],
		};
	},
});
