/**
 * The model card's loss curve, drawn with @napi-rs/canvas directly (the chart toolkit had no line chart yet when
 * this was written): training loss per step (raw and a 50-step moving average), validation loss at each
 * evaluation, and the bigram and unigram baselines as dashed lines, all in nats/token.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

const FONT = 'Model Card Sans';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let fontReady = false;

export interface LossChartInput {
	train: [number, number][];
	validation: [number, number][];
	baselines: { label: string; value: number; color: string }[];
	title: string;
}

/** Renders the chart as a PNG (1200×700). */
export function renderLossChart(input: LossChartInput): Buffer {
	if (!fontReady) {
		GlobalFonts.registerFromPath(path.join(ROOT, 'assets/fonts/NotoSans-Regular.ttf'), FONT);
		fontReady = true;
	}
	const width = 1200;
	const height = 700;
	const m = { left: 90, right: 30, top: 70, bottom: 80 };
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, width, height);

	const smooth = movingAverage(input.train, 50);
	const xs = [...input.train.map(([s]) => s), ...input.validation.map(([s]) => s)];
	const xMax = Math.max(1, ...xs);
	const ys = [...smooth.map(([, l]) => l), ...input.validation.map(([, l]) => l), ...input.baselines.map((b) => b.value)];
	const yMin = Math.floor(Math.min(...ys) * 2) / 2 - 0.25;
	const yMax = Math.min(Math.ceil(Math.max(...ys) * 2) / 2, Math.ceil(Math.max(...input.baselines.map((b) => b.value), yMin + 1)) + 1.5);
	const px = (x: number): number => m.left + (x / xMax) * (width - m.left - m.right);
	const py = (y: number): number => m.top + ((yMax - Math.min(yMax, y)) / (yMax - yMin)) * (height - m.top - m.bottom);

	// Grid and ticks.
	ctx.font = `16px "${FONT}"`;
	ctx.strokeStyle = '#e5e7eb';
	ctx.fillStyle = '#374151';
	ctx.lineWidth = 1;
	for (let y = Math.ceil(yMin * 2) / 2; y <= yMax; y += 0.5) {
		ctx.beginPath();
		ctx.moveTo(px(0), py(y));
		ctx.lineTo(px(xMax), py(y));
		ctx.stroke();
		ctx.textAlign = 'right';
		ctx.textBaseline = 'middle';
		ctx.fillText(y.toFixed(1), m.left - 10, py(y));
	}
	const xStep = niceStep(xMax / 8);
	for (let x = 0; x <= xMax; x += xStep) {
		ctx.textAlign = 'center';
		ctx.textBaseline = 'top';
		ctx.fillText(String(x), px(x), height - m.bottom + 10);
	}
	ctx.strokeStyle = '#6b7280';
	ctx.beginPath();
	ctx.moveTo(m.left, m.top);
	ctx.lineTo(m.left, height - m.bottom);
	ctx.lineTo(width - m.right, height - m.bottom);
	ctx.stroke();

	// Labels.
	ctx.textAlign = 'center';
	ctx.textBaseline = 'alphabetic';
	ctx.fillText('training step', (m.left + width - m.right) / 2, height - 25);
	ctx.save();
	ctx.translate(25, (m.top + height - m.bottom) / 2);
	ctx.rotate(-Math.PI / 2);
	ctx.fillText('cross-entropy (nats/token)', 0, 0);
	ctx.restore();
	ctx.font = `22px "${FONT}"`;
	ctx.fillStyle = '#111827';
	ctx.fillText(input.title, width / 2, 40);

	// Series.
	line(ctx, input.train.map(([s, l]) => [px(s), py(l)]), '#93c5fd', 1);
	line(ctx, smooth.map(([s, l]) => [px(s), py(l)]), '#1d4ed8', 2.5);
	line(ctx, input.validation.map(([s, l]) => [px(s), py(l)]), '#dc2626', 2.5);
	ctx.fillStyle = '#dc2626';
	for (const [s, l] of input.validation) {
		ctx.beginPath();
		ctx.arc(px(s), py(l), 4, 0, 2 * Math.PI);
		ctx.fill();
	}
	for (const b of input.baselines) {
		ctx.setLineDash([8, 6]);
		line(ctx, [[px(0), py(b.value)], [px(xMax), py(b.value)]], b.color, 2);
		ctx.setLineDash([]);
	}

	// Legend.
	const entries: [string, string, boolean][] = [
		['train loss (per step)', '#93c5fd', false],
		['train loss (50-step average)', '#1d4ed8', false],
		['validation loss', '#dc2626', false],
		...input.baselines.map((b): [string, string, boolean] => [`${b.label} (validation)`, b.color, true]),
	];
	ctx.font = `16px "${FONT}"`;
	const lx = width - m.right - 330;
	let ly = m.top + 20;
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(lx - 12, ly - 18, 330, entries.length * 26 + 12);
	for (const [label, color, dashed] of entries) {
		if (dashed) ctx.setLineDash([8, 6]);
		line(ctx, [[lx, ly], [lx + 40, ly]], color, 3);
		ctx.setLineDash([]);
		ctx.fillStyle = '#111827';
		ctx.textAlign = 'left';
		ctx.textBaseline = 'middle';
		ctx.fillText(label, lx + 50, ly);
		ly += 26;
	}
	return canvas.toBuffer('image/png');
}

function line(ctx: SKRSContext2D, points: [number, number][], color: string, width: number): void {
	if (points.length === 0) return;
	ctx.strokeStyle = color;
	ctx.lineWidth = width;
	ctx.beginPath();
	points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
	ctx.stroke();
}

/** Trailing moving average over `window` points. */
export function movingAverage(series: readonly [number, number][], window: number): [number, number][] {
	const out: [number, number][] = [];
	let sum = 0;
	series.forEach(([x, y], i) => {
		sum += y;
		if (i >= window) sum -= (series[i - window] as [number, number])[1];
		out.push([x, sum / Math.min(i + 1, window)]);
	});
	return out;
}

function niceStep(raw: number): number {
	const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
	for (const f of [1, 2, 5, 10]) if (f * p >= raw) return f * p;
	return 10 * p;
}
