import { describe, expect, it } from 'vitest';
import { itemsWithRole, layoutScatter } from '../../../src/charts/index.js';
import { loadWordVectors, neighbors } from '../../../src/models/embeddings/index.js';
import { mapChart } from '../../../src/demos/similarity/charts.js';
import { computeLocal, MAP_STOP_WORDS } from '../../../src/demos/similarity/local.js';
import { similarityReply } from '../../../src/demos/similarity/reply.js';
import type { MapResult } from '../../../src/demos/similarity/results.js';
import { labelBoxes, offCanvas, overlaps } from '../../charts/helpers/label-boxes.js';

describe('/similarity mode:map for king frog computer', () => {
	it('GIVEN three words THEN 27 points, each query’s 8 nearest letter-bearing non-function words, all labelled without overlaps, queries in bold', async () => {
		const vectors = await loadWordVectors();
		const r = (await computeLocal(vectors, { mode: 'map', words: ['king', 'frog', 'computer'] })) as MapResult;
		expect(r.kind).toBe('map');
		expect(r.points).toHaveLength(27);
		expect(r.neighborsPerWord).toBe(8);

		// The rule applied by hand to each query's plain nearest-neighbour ranking (tested against GloVe elsewhere):
		// skip words without a letter, function words, and words an earlier query already drew.
		const taken = new Set(r.queries);
		for (const q of r.queries) {
			const ranked = neighbors(vectors, vectors.find(q)!, 300)
				.map((n) => n.word.text)
				.filter((w) => /\p{L}/u.test(w) && !MAP_STOP_WORDS.has(w.toLowerCase()) && !taken.has(w))
				.slice(0, 8);
			ranked.forEach((w) => taken.add(w));
			expect(
				r.points.filter((p) => p.group === q && !p.query).map((p) => p.text),
				q,
			).toEqual(ranked);
		}
		// The reply lists as many words per query as it says ("their 8 nearest") and states the rule.
		const text = similarityReply(r, []).embeds![0]!.description!;
		expect(text).toContain('their 8 nearest words, 27 in all');
		for (const q of r.queries) {
			const line = text.split('\n').find((l) => l.startsWith(`**${q}**: `))!;
			expect(line.slice(`**${q}**: `.length).split(', ')).toHaveLength(8);
		}
		expect(text).toMatch(/punctuation.*function words/);

		const scene = layoutScatter(mapChart(r));
		const labels = itemsWithRole(scene.items, 'point-label', 'text');
		expect(labels.map((l) => l.text).sort()).toEqual(r.points.map((p) => p.text).sort());
		const boxes = labelBoxes(scene);
		expect(offCanvas(scene, boxes)).toEqual([]);
		expect(overlaps(boxes)).toEqual([]);
		const bold = labels.filter((l) => l.font.weight === 'bold').map((l) => l.text);
		expect(bold.sort()).toEqual(['computer', 'frog', 'king']);
		const legend = itemsWithRole(scene.items, 'legend-label', 'text');
		expect(legend.filter((l) => l.font.weight === 'bold').map((l) => l.text)).toEqual(['king', 'frog', 'computer']);
	}, 60_000);
});
