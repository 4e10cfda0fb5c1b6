// Types for scripts/convert-vectors.scanner.mjs.
export const ARRAY_ITEM: string;
export interface ScannerHandlers {
	onScalar(path: readonly string[], value: string | number | boolean | null): void;
	onEnd?(path: readonly string[]): void;
	onNumberDigits?(significantDigits: number): void;
}
export function createJsonScanner(handlers: ScannerHandlers): { write(chunk: Uint8Array): void; end(): void };
export function parseNumber(bytes: Uint8Array, length: number, onDigits?: (digits: number) => void): number;
