/**
 * Code points (inclusive ranges) that Unicode 17.0 assigned as letters, marks or numbers and that tiktoken's
 * Rust regex tables (Unicode 16.0) treat as unassigned. Found by encoding every code point in probe contexts
 * with both our encoder and the `tiktoken` package on Node 20.20 (Unicode 17.0) and keeping the ones whose ids
 * differed; `tests/models/tokenizers/unicode-tables.test.ts` repeats that sweep over every code point the runtime
 * calls a letter, mark, number or space. Ranges may include gaps that are neither, which subtracting ignores.
 * On a runtime with Unicode 16.0 these code points are unassigned there too and the subtraction changes nothing.
 */
export const UNICODE_17_LETTERS_MARKS_NUMBERS: readonly (readonly [number, number])[] = [
	[0x088f, 0x088f],
	[0x0c5c, 0x0c5c],
	[0x0cdc, 0x0cdc],
	[0x1acf, 0x1aeb],
	[0xa7ce, 0xa7cf],
	[0xa7d2, 0xa7d2],
	[0xa7d4, 0xa7d4],
	[0xa7f1, 0xa7f1],
	[0x10940, 0x10959],
	[0x10ec5, 0x10ec7],
	[0x10efa, 0x10efb],
	[0x11b60, 0x11b67],
	[0x11db0, 0x11de9],
	[0x16ea0, 0x16ed3],
	[0x16ff2, 0x16ff6],
	[0x187f8, 0x187ff],
	[0x18d09, 0x18d1e],
	[0x18d80, 0x18df2],
	[0x1e6c0, 0x1e6ff],
	[0x2b73a, 0x2b73f],
	[0x2cea2, 0x2cead],
	[0x323b0, 0x33479],
];
