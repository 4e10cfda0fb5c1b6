import { describe, expect, it } from 'vitest';
import { barValueLabel, layoutBarChart, renderBarChart, type BarChartInput } from '../../src/charts/bar-chart.js';
import { mix } from '../../src/charts/color.js';
import { pngSize } from '../../src/charts/png.js';
import { itemsWithRole } from '../../src/charts/scene.js';
import type { TextMeasurer } from '../../src/charts/text.js';
import { HIGHLIGHT, PALETTE, THEME } from '../../src/charts/theme.js';
import { fakeMeasure } from './helpers/fake-measure.js';

const base: BarChartInput = {
	title: 'P',
	categories: ['a', 'b', 'c', 'd'],
	series: [{ name: 'p', values: [0.1, 0.4, 0.3, 0.2] }],
	valueAxis: { format: 'percent' },
	width: 600,
	height: 400,
};

describe('bar chart layout', () => {
	it('GIVEN one series THEN bars, ticks and labels sit at exact positions on a nice percent axis', () => {
		const scene = layoutBarChart(base, fakeMeasure);
		const { padding, fonts } = THEME;
		// Axis 0–40 % in 10 % steps; tick labels are half the tick size a glyph, so '40%' is 3 × 11 = 33 px wide and
		// the plot starts after it and a 10 px gap: 28 + 33 + 10 = 71.
		expect(itemsWithRole(scene.items, 'left-tick-label', 'text').map((t) => t.text)).toEqual([
			'0%',
			'10%',
			'20%',
			'30%',
			'40%',
		]);
		const plotX = padding + Math.ceil(3 * (fonts.tick.size / 2)) + 10;
		// Plot top: the header (one title line of 1.25 × 34 px after the padding, and 18 px: 89) and 22 px for the value
		// labels, 111. Plot bottom: 400 − 28 = 372, less the category labels (label size + 10 = 32), 340.
		const plotY = Math.round(padding + fonts.title.size * 1.25 + 18) + 22;
		const plotBottom = 400 - padding - (fonts.label.size + 10);
		const ticks = itemsWithRole(scene.items, 'left-tick-label', 'text');
		expect(ticks[0]).toMatchObject({ x: plotX - 8, y: plotBottom, align: 'right' });
		expect(ticks[4]).toMatchObject({ y: plotY });
		// Four bands across 600 − 28 − 71 = 501 px; each group of bars fills 74 % of its band.
		const band = (600 - padding - plotX) / 4;
		const group = band * 0.74;
		const bars = itemsWithRole(scene.items, 'bar', 'rect');
		expect(bars).toHaveLength(4);
		bars.forEach((bar, i) => {
			const value = base.series[0]!.values[i]!;
			expect(bar.x).toBeCloseTo(plotX + band * i + (band - group) / 2, 9);
			expect(bar.w).toBeCloseTo(group - 1, 9);
			expect(bar.h).toBeCloseTo((value / 0.4) * (plotBottom - plotY), 9);
			expect(bar.y + bar.h).toBeCloseTo(plotBottom, 9);
			expect(bar.fill).toBe(PALETTE[0]);
		});
		expect(itemsWithRole(scene.items, 'bar-value', 'text').map((t) => t.text)).toEqual([
			'10.0%',
			'40.0%',
			'30.0%',
			'20.0%',
		]);
		expect(itemsWithRole(scene.items, 'category-label', 'text').map((t) => [t.text, t.x, t.rotate])).toEqual(
			['a', 'b', 'c', 'd'].map((c, i) => [c, plotX + band * (i + 0.5), undefined]),
		);
	});

	it('GIVEN a highlight, a cut-off, a threshold and a cumulative line THEN each is drawn where it belongs', () => {
		const scene = layoutBarChart(
			{
				...base,
				series: [
					{ name: 'before', values: [0.4, 0.3, 0.2, 0.1] },
					{ name: 'after', values: [0.6, 0.25, 0.1, 0.05] },
				],
				highlight: { index: 1, label: 'sampled' },
				cutoff: { afterIndex: 1, label: 'top-k = 2' },
				threshold: { value: 0.15, label: 'min-p' },
				line: { name: 'cumulative', values: [0.6, 0.85, 0.95, 1] },
			},
			fakeMeasure,
		);
		const bars = itemsWithRole(scene.items, 'bar', 'rect');
		expect(bars.map((b) => b.fill)).toEqual([
			PALETTE[0],
			PALETTE[1],
			PALETTE[0],
			PALETTE[1],
			mix(PALETTE[0], THEME.background, 0.62),
			mix(PALETTE[1], THEME.background, 0.62),
			mix(PALETTE[0], THEME.background, 0.62),
			mix(PALETTE[1], THEME.background, 0.62),
		]);
		// Legend: two series, the line and the highlight.
		expect(itemsWithRole(scene.items, 'legend-label', 'text').map((t) => t.text)).toEqual([
			'before',
			'after',
			'cumulative',
			'sampled',
		]);
		const plotLeft =
			bars[0]!.x - ((bars[1]!.x + bars[1]!.w + 1 - bars[0]!.x) / 0.74 - (bars[1]!.x + bars[1]!.w + 1 - bars[0]!.x)) / 2;
		const band = bars[2]!.x - bars[0]!.x;
		const cutoff = itemsWithRole(scene.items, 'cutoff', 'line')[0]!;
		expect(cutoff.x1).toBeCloseTo(plotLeft + 2 * band, 9);
		expect(cutoff.dash).toEqual([6, 4]);
		const highlight = itemsWithRole(scene.items, 'highlight', 'rect')[0]!;
		expect(highlight.stroke).toBe(HIGHLIGHT);
		expect(highlight.x).toBeCloseTo(bars[2]!.x - 3, 9);
		expect(itemsWithRole(scene.items, 'category-label', 'text')[1]).toMatchObject({
			color: HIGHLIGHT,
			font: { weight: 'bold' },
		});
		// Value axis 0–60 %: the threshold at 15 % is a quarter of the way up.
		const ticks = itemsWithRole(scene.items, 'left-tick-label', 'text');
		expect(ticks.map((t) => t.text)).toEqual(['0%', '10%', '20%', '30%', '40%', '50%', '60%']);
		const threshold = itemsWithRole(scene.items, 'threshold', 'line')[0]!;
		expect(threshold.y1).toBeCloseTo(ticks[0]!.y + (ticks[6]!.y - ticks[0]!.y) * 0.25, 9);
		// Secondary axis 0–100 % on the right; the line passes through each band's centre.
		expect(itemsWithRole(scene.items, 'right-tick-label', 'text').map((t) => t.text)).toEqual([
			'0%',
			'20%',
			'40%',
			'60%',
			'80%',
			'100%',
		]);
		const line = itemsWithRole(scene.items, 'line', 'polyline')[0]!;
		expect(line.points[0]).toBeCloseTo(plotLeft + band / 2, 9);
		expect(line.points[7]).toBeCloseTo(ticks[6]!.y, 9);
		expect(itemsWithRole(scene.items, 'bar-value')).toEqual([]);
	});

	it('GIVEN horizontal orientation THEN categories run down the left and bars grow right from zero', () => {
		const scene = layoutBarChart({ ...base, orientation: 'horizontal' }, fakeMeasure);
		const bars = itemsWithRole(scene.items, 'bar', 'rect');
		const zero = bars[0]!.x;
		expect(bars.every((b) => b.x === zero)).toBe(true);
		expect(bars[1]!.w / bars[0]!.w).toBeCloseTo(4, 9);
		expect(bars[1]!.y).toBeGreaterThan(bars[0]!.y);
		expect(
			itemsWithRole(scene.items, 'category-label', 'text').every((t) => t.align === 'right' && t.x === zero - 10),
		).toBe(true);
		expect(itemsWithRole(scene.items, 'x-tick-label', 'text').map((t) => t.text)).toEqual([
			'0%',
			'10%',
			'20%',
			'30%',
			'40%',
		]);
		expect(() =>
			layoutBarChart({ ...base, orientation: 'horizontal', line: { name: 'c', values: [1, 1, 1, 1] } }, fakeMeasure),
		).toThrow(/vertical/);
	});

	it('GIVEN the highlighted label is the longest THEN it is measured bold, as drawn: room is made for it, or it is rotated', () => {
		// Bold text is wider; this measurer makes it 30 % wider so the difference shows.
		const measure: TextMeasurer = (text, font) => fakeMeasure(text, font) * (font.weight === 'bold' ? 1.3 : 1);
		const categories = ['a', 'the chosen', 'c', 'd'];
		const horizontal = layoutBarChart(
			{ ...base, categories, orientation: 'horizontal', highlight: { index: 1 } },
			measure,
		);
		const label = itemsWithRole(horizontal.items, 'category-label', 'text')[1]!;
		expect(label.font.weight).toBe('bold');
		// Bold, it is 10 graphemes × 11 px × 1.3 = 143 px, within the 600 × 0.25 = 150 px a label may take: drawn whole,
		// with the plot starting after it.
		expect(label.text).toBe(categories[1]);
		expect(label.x - measure(label.text, label.font)).toBeGreaterThanOrEqual(THEME.padding);
		// A band of a 4-category, 600-wide chart is (600 − 28 − 71) / 4 = 125.25 px, and a label fits in it less 4 px:
		// 10 graphemes at 11 px (110 px) fit in regular weight, but not in bold (143 px).
		const vertical = layoutBarChart({ ...base, categories, highlight: { index: 1 } }, measure);
		const band =
			itemsWithRole(vertical.items, 'bar', 'rect')[1]!.x - itemsWithRole(vertical.items, 'bar', 'rect')[0]!.x;
		expect(measure(categories[1]!, THEME.fonts.label)).toBeLessThanOrEqual(band - 4);
		expect(measure(categories[1]!, label.font)).toBeGreaterThan(band - 4);
		expect(itemsWithRole(vertical.items, 'category-label', 'text').every((t) => t.rotate === -Math.PI / 4)).toBe(true);
	});

	it('GIVEN labels too long for their band THEN they are rotated and truncated with an ellipsis', () => {
		const scene = layoutBarChart({ ...base, categories: ['a', 'b', 'c', 'x'.repeat(300)] }, fakeMeasure);
		const labels = itemsWithRole(scene.items, 'category-label', 'text');
		expect(labels.every((t) => t.rotate === -Math.PI / 4)).toBe(true);
		expect(labels[3]!.text.endsWith('…')).toBe(true);
		expect(labels[3]!.text.length).toBeLessThan(40);
	});

	it('GIVEN mismatched lengths THEN layout throws naming the series', () => {
		expect(() => layoutBarChart({ ...base, series: [{ name: 'short', values: [1] }] }, fakeMeasure)).toThrow(/short/);
	});

	it('GIVEN values THEN bar labels print percent with one decimal and tiny values without rounding to zero', () => {
		expect(barValueLabel(0.4821, 'percent')).toBe('48.2%');
		expect(barValueLabel(0.00042, 'percent')).toBe('0.042%');
		expect(barValueLabel(0, 'percent')).toBe('0.0%');
		expect(barValueLabel(1234.5)).toBe('1230');
	});

	it('GIVEN a 1200×600 chart with Korean labels THEN the PNG is 1200×600', async () => {
		const png = await renderBarChart({
			...base,
			title: '다음 토큰 확률',
			categories: ['⋅안녕', '하세요', '🙂', '→x'],
			width: 1200,
			height: 600,
		});
		expect(pngSize(png)).toEqual({ width: 1200, height: 600 });
	});
});
