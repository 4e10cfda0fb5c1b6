/**
 * A WebAssembly SIMD kernel for the neighbour search's first pass: int32 dot products of an int16 query with many
 * int8 rows, 16 components per step. Node has no SIMD from JavaScript; this is 7 instructions per 16 components.
 *
 * The module is small enough to assemble here, byte by byte, from this text (WAT):
 *
 * ```wat
 * (module
 *   (import "env" "mem" (memory 1))
 *   ;; out[j] = Σ_d query[d] · rows[j·16·blocks + d] for j < n, rows int8 and query int16, both padded to blocks·16
 *   (func (export "dots") (param $rows i32) (param $query i32) (param $out i32) (param $n i32) (param $blocks i32)
 *     (local $j i32) (local $k i32) (local $r i32) (local $q i32) (local $acc v128) (local $v v128)
 *     (local.set $r (local.get $rows))
 *     (block $done
 *       (br_if $done (i32.eqz (local.get $n)))
 *       (loop $row
 *         (local.set $acc (v128.const i32x4 0 0 0 0))
 *         (local.set $q (local.get $query))
 *         (local.set $k (local.get $blocks))
 *         (loop $block
 *           (local.set $v (v128.load (local.get $r)))
 *           (local.set $acc (i32x4.add (i32x4.add (local.get $acc)
 *             (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $v)) (v128.load (local.get $q))))
 *             (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $v)) (v128.load offset=16 (local.get $q)))))
 *           (local.set $r (i32.add (local.get $r) (i32.const 16)))
 *           (local.set $q (i32.add (local.get $q) (i32.const 32)))
 *           (br_if $block (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
 *         (i32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
 *           (i32.add (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
 *                    (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
 *         (br_if $row (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))))
 * ```
 *
 * No overflow: |int16| ≤ 32767 and |int8| ≤ 127, so a 100-component sum stays below 2³¹.
 */

const SIMD = 0xfd;
const op = {
	block: 0x02,
	loop: 0x03,
	end: 0x0b,
	brIf: 0x0d,
	get: 0x20,
	set: 0x21,
	tee: 0x22,
	i32Store: 0x36,
	i32Const: 0x41,
	i32Eqz: 0x45,
	i32LtU: 0x49,
	i32Add: 0x6a,
	i32Sub: 0x6b,
	i32Shl: 0x74,
	void: 0x40,
} as const;
// SIMD opcodes follow the 0xfd prefix as unsigned LEB128.
const v128Load = (offset: number): number[] => [SIMD, 0x00, 0x00, offset];
const v128Const0 = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];
const extendLow = [SIMD, 0x87, 0x01]; // i16x8.extend_low_i8x16_s
const extendHigh = [SIMD, 0x88, 0x01]; // i16x8.extend_high_i8x16_s
const dot = [SIMD, 0xba, 0x01]; // i32x4.dot_i16x8_s
const add4 = [SIMD, 0xae, 0x01]; // i32x4.add
const lane = (k: number): number[] => [SIMD, 0x1b, k]; // i32x4.extract_lane

// Parameters 0–4: rows, query, out, n, blocks. Locals 5–8 (i32): j, k, r, q. Locals 9–10 (v128): acc, v.
const [ROWS, QUERY, OUT, N, BLOCKS, J, K, R, Q, ACC, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const body = [
	2,
	4,
	0x7f,
	2,
	0x7b, // locals: 4 × i32, 2 × v128
	op.get,
	ROWS,
	op.set,
	R,
	op.block,
	op.void,
	op.get,
	N,
	op.i32Eqz,
	op.brIf,
	0,
	op.loop,
	op.void,
	...v128Const0,
	op.set,
	ACC,
	op.get,
	QUERY,
	op.set,
	Q,
	op.get,
	BLOCKS,
	op.set,
	K,
	op.loop,
	op.void,
	op.get,
	R,
	...v128Load(0),
	op.set,
	V,
	op.get,
	ACC,
	op.get,
	V,
	...extendLow,
	op.get,
	Q,
	...v128Load(0),
	...dot,
	...add4,
	op.get,
	V,
	...extendHigh,
	op.get,
	Q,
	...v128Load(16),
	...dot,
	...add4,
	op.set,
	ACC,
	op.get,
	R,
	op.i32Const,
	16,
	op.i32Add,
	op.set,
	R,
	op.get,
	Q,
	op.i32Const,
	32,
	op.i32Add,
	op.set,
	Q,
	op.get,
	K,
	op.i32Const,
	1,
	op.i32Sub,
	op.tee,
	K,
	op.brIf,
	0,
	op.end,
	op.get,
	OUT,
	op.get,
	J,
	op.i32Const,
	2,
	op.i32Shl,
	op.i32Add,
	op.get,
	ACC,
	...lane(0),
	op.get,
	ACC,
	...lane(1),
	op.i32Add,
	op.get,
	ACC,
	...lane(2),
	op.get,
	ACC,
	...lane(3),
	op.i32Add,
	op.i32Add,
	op.i32Store,
	2,
	0,
	op.get,
	J,
	op.i32Const,
	1,
	op.i32Add,
	op.tee,
	J,
	op.get,
	N,
	op.i32LtU,
	op.brIf,
	0,
	op.end,
	op.end,
	op.end,
];

function section(id: number, content: number[]): number[] {
	return [id, ...uleb(content.length), ...content];
}

function uleb(value: number): number[] {
	const out: number[] = [];
	do {
		let byte = value & 0x7f;
		value >>>= 7;
		if (value !== 0) byte |= 0x80;
		out.push(byte);
	} while (value !== 0);
	return out;
}

const name = (text: string): number[] => [text.length, ...[...text].map((c) => c.charCodeAt(0))];

const MODULE = new Uint8Array([
	0x00,
	0x61,
	0x73,
	0x6d,
	0x01,
	0x00,
	0x00,
	0x00,
	...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]), // type: (i32 × 5) → ()
	...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 1]), // import memory, at least 1 page
	...section(3, [1, 0]), // one function of type 0
	...section(7, [1, ...name('dots'), 0x00, 0]), // export it
	...section(10, [1, ...uleb(body.length), ...body]),
]);

/** The parts of the WebAssembly API used here (the project's `lib` has no DOM types, where TypeScript keeps them). */
interface WasmApi {
	Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
	Module: new (bytes: Uint8Array) => object;
	Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
	validate(bytes: Uint8Array): boolean;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** One thread's kernel: its own linear memory holding a padded copy of the searched int8 rows. */
export class DotKernel {
	/** Components per row in memory: the dimension rounded up to 16. */
	readonly stride: number;
	readonly rows: number;
	private readonly memory: { readonly buffer: ArrayBuffer };
	private readonly dots: (rows: number, query: number, out: number, n: number, blocks: number) => void;
	private readonly queryAt = 0;
	private readonly outAt: number;
	private readonly rowsAt: number;

	/** Copies the first `rows` rows of `source` (`dims` int8 each) into the kernel's memory. */
	constructor(source: Int8Array, dims: number, rows: number) {
		this.stride = Math.ceil(dims / 16) * 16;
		this.rows = rows;
		this.outAt = Math.ceil((this.stride * 2) / 16) * 16;
		this.rowsAt = Math.ceil((this.outAt + rows * 4) / 16) * 16;
		const bytes = this.rowsAt + rows * this.stride;
		this.memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) });
		const instance = new wasm.Instance(new wasm.Module(MODULE), { env: { mem: this.memory } });
		this.dots = instance.exports.dots as DotKernel['dots'];
		const target = new Int8Array(this.memory.buffer, this.rowsAt, rows * this.stride);
		for (let j = 0; j < rows; j++) target.set(source.subarray(j * dims, (j + 1) * dims), j * this.stride);
	}

	/** out[j] = Σ_d query[d] · row_j[d] for the first `n` rows (n ≤ rows), exactly, as integers. */
	run(query: Int16Array, n: number): Int32Array {
		if (n > this.rows) throw new RangeError(`kernel holds ${this.rows} rows, asked for ${n}`);
		const q = new Int16Array(this.memory.buffer, this.queryAt, this.stride);
		q.fill(0);
		q.set(query.subarray(0, Math.min(query.length, this.stride)));
		this.dots(this.rowsAt, this.queryAt, this.outAt, n, this.stride / 16);
		return new Int32Array(this.memory.buffer, this.outAt, n);
	}
}

/** Whether this runtime accepts the kernel (WebAssembly SIMD; Node has it since 16.4). */
export function kernelSupported(): boolean {
	return wasm.validate(MODULE);
}
