import { csvField } from '../../csv.js';
import type { AttentionData } from './data.js';
import { headName } from './labels.js';
import { stepsOf } from './steps-chart.js';
import { t as tr } from '../../i18n/index.js';

/**
 * Every number of the `steps` view at full precision, for a spreadsheet: one block per quantity (q, k, v, scores,
 * scaled, masked, weights, output), one line per query token (shown with visible whitespace, as in the chart),
 * columns numbered from 1 like the chart. The masked scores are
 * written as `-inf`, as the model treats them.
 */
export function stepsCsv(data: AttentionData): string {
	const s = stepsOf(data);
	const t = s.scores.length;
	const lines = [tr('attention.files.csvHeader', { model: data.model, head: headName(data), t, dk: data.headDim })];
	const block = (name: string, rows: readonly (readonly number[])[], masked = false) => {
		const cols = rows[0]?.length ?? 0;
		lines.push(
			[
				'quantity',
				'row',
				'token',
				...Array.from(
					{ length: cols },
					(_, c) => `${name === 'q' || name === 'k' || name === 'v' || name === 'output' ? 'd' : 'key '}${c + 1}`,
				),
			].join(','),
		);
		rows.forEach((row, r) => {
			const cells = row.map((v, c) => (masked && c > r ? '-inf' : String(v)));
			lines.push([name, String(r + 1), csvField(data.tokens[r]!.label), ...cells].join(','));
		});
	};
	block('q', s.q);
	block('k', s.k);
	block('v', s.v);
	block('scores', s.scores);
	block('scaled', s.scaled);
	block('masked', s.scaled, true);
	block('weights', s.weights);
	block('output', s.output);
	return `${lines.join('\n')}\n`;
}
