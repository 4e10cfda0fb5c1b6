// Types for scripts/convert-vectors.mjs (plain JavaScript so that postinstall runs it without TypeScript).
export const FORMAT_VERSION: number;
export const DEFAULT_SOURCE: string;
export const DEFAULT_DEST: string;
export function readWinkJson(source: string): { words: string[]; dims: number; rows: Float32Array; maxDigits: number };
export function fnv1a(bytes: Uint8Array, from: number, to: number): number;
export function encodeVectorFile(
	data: { words: string[]; dims: number; rows: Float32Array },
	sourceBytes: number,
): { index: Uint8Array; rowsOffset: number };
export function convertVectors(
	source: string,
	dest: string,
): {
	words: number;
	dims: number;
	bytes: number;
	maxDigits: number;
	parseMs: number;
	totalMs: number;
	peakRssMiB: number;
};
export function isUpToDate(source: string, dest: string): boolean;
