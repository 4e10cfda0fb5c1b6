/**
 * The chart toolkit: every chart kind is a pure `layoutX(input, measure?) → Scene` (exact positions, labels and
 * colours; tested) and a `renderX(input) → Promise<Buffer>` PNG. `sceneToPng` renders any scene, so callers can
 * adjust a layout before drawing it.
 */
export {
	layoutTokenStrips,
	renderTokenStrips,
	TOKEN_COLORS,
	type TokenStrip,
	type TokenStripsInput,
} from './token-strip.js';
export { hexBytes, type Token } from './token-span.js';
export { SPECIAL_TOKEN_FILL } from './special-token.js';
export { layoutBarChart, renderBarChart, barValueLabel, type BarChartInput, type BarSeries } from './bar-chart.js';
export {
	layoutHeatmap,
	renderHeatmap,
	cellLabel,
	type HeatmapInput,
	type HeatmapScaleOptions,
	type Matrix,
} from './heatmap.js';
export { layoutHeatmapGrid, renderHeatmapGrid, type HeatmapGridInput, type HeatmapPanel } from './heatmap-grid.js';
export { layoutScatter, renderScatter, type ScatterInput, type ScatterPoint } from './scatter.js';
export { placeLabels, type LabelAnchor, type PlacedLabel } from './label-placement.js';
export { layoutLineChart, renderLineChart, type LineChartInput, type LineSeries } from './line-chart.js';
export {
	layoutCard,
	renderCard,
	progressFraction,
	type CardInput,
	type CardTable,
	type ProgressItem,
	type StatTile,
} from './card.js';
export { renderScene, sceneToPng } from './render.js';
export { encodePng, pngSize } from './png.js';
export { ensureFonts, FONT_STACK, type FontSpec } from './fonts.js';
export { THEME, PALETTE, HIGHLIGHT, categorical } from './theme.js';
export { viridis, blueWhiteRed, sequentialScale, divergingScale, type ColorScale } from './color-scales.js';
export { niceTicks, niceStep, niceDomain, logTicks, formatTicks, formatNumber, type NumberFormat } from './ticks.js';
export { measureText, truncate, wrap, graphemes, visibleWhitespace, type TextMeasurer } from './text.js';
export { itemsWithRole, type Scene, type SceneItem } from './scene.js';
export type { ChartText } from './frame.js';
