import { describe, expect, it } from 'vitest';
import { itemsWithRole, layoutTokenStrips, type TextMeasurer } from '../../../src/charts/index.js';
import { drawnPerStrip, linesPerStrip, stripHeading, tokenStripsFor } from '../../../src/demos/tokenize/chart.js';
import { chartText } from '../../../src/demos/tokenize/visible.js';
import { loadModelEncoding, tokenPieces, type OpenAiModel } from '../../../src/models/tokenizers/index.js';

/** Every character 10 px wide: layouts become predictable. */
const measure: TextMeasurer = (text) => [...text].length * 10;

async function tokenized(model: OpenAiModel, text: string) {
	return { model, pieces: tokenPieces(await loadModelEncoding(model), text) };
}

describe('tokenStripsFor', () => {
	it('GIVEN one encoding THEN one strip with each token’s id and bytes, invisible characters named', async () => {
		const text = 'a\u0000 \u202eb';
		const result = await tokenized('gpt-4o', text);
		const input = tokenStripsFor(text, [result], 'tokens');
		expect(input.title).toBe('How gpt-4o splits your text into tokens');
		expect(input.subtitle).toBe('“a[NUL] [RLO]b”');
		expect(input.showBytes).toBe('never');
		expect(input.maxLinesPerStrip).toBe(linesPerStrip(1));
		expect(input.strips).toHaveLength(1);
		expect(input.strips[0]!.heading).toBe(stripHeading('gpt-4o', result.pieces.length));
		expect(input.strips[0]!.tokens.map((t) => t.id)).toEqual(result.pieces.map((p) => p.id));
		expect(input.strips[0]!.tokens.map((t) => t.text)).toEqual(result.pieces.map((p) => chartText(p.text)));
		expect(input.strips[0]!.tokens.some((t) => t.text.includes('[NUL]'))).toBe(true);
		expect(input.strips[0]!.tokens.map((t) => t.bytes)).toEqual(result.pieces.map((p) => [...p.bytes]));
	});

	it('GIVEN compare and show:bytes THEN three strips with every token’s bytes, six lines each', async () => {
		const text = '안녕하세요 🙂';
		const results = await Promise.all((['gpt2', 'gpt-4', 'gpt-4o'] as const).map((m) => tokenized(m, text)));
		const input = tokenStripsFor(text, results, 'bytes');
		expect(input.title).toBe('One text, three tokenizers');
		expect(input.showBytes).toBe('always');
		expect(input.maxLinesPerStrip).toBe(6);
		expect(input.strips.map((s) => s.heading)).toEqual(results.map((r) => stripHeading(r.model, r.pieces.length)));
		expect(input.footer).toContain('Hex: the token’s UTF-8 bytes.');
	});

	it('GIVEN partial characters and show:tokens THEN the footer says how to see their bytes', async () => {
		const input = tokenStripsFor('안녕', [await tokenized('gpt2', '안녕')], 'tokens');
		expect(input.footer).toContain('� is part of a character: show:bytes shows its bytes.');
	});
});

describe('drawnPerStrip', () => {
	it('GIVEN short strips THEN every token is drawn', async () => {
		const results = await Promise.all((['gpt2', 'gpt-4o'] as const).map((m) => tokenized(m, 'Hello world')));
		const scene = layoutTokenStrips(tokenStripsFor('Hello world', results, 'tokens'), measure);
		expect(drawnPerStrip(scene)).toEqual(results.map((r) => r.pieces.length));
	});

	it('GIVEN a strip longer than its lines THEN the drawn count and the chart’s “… and N more tokens” add up to the total', async () => {
		const text = 'word '.repeat(800);
		const result = await tokenized('gpt-4o', text);
		const scene = layoutTokenStrips(tokenStripsFor(text, [result], 'tokens'), measure);
		const [drawn] = drawnPerStrip(scene);
		expect(drawn).toBeLessThan(result.pieces.length);
		expect(itemsWithRole(scene.items, 'strip-more')[0]).toMatchObject({
			text: `… and ${result.pieces.length - drawn!} more tokens`,
		});
	});
});
