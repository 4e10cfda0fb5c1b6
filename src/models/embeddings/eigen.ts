/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method, in double precision:
 * rotate away each off-diagonal entry in turn until all are below 1e-15 of the matrix's size. Exact to rounding
 * and deterministic. Returns eigenpairs sorted by decreasing eigenvalue; `vectors[k]` goes with `values[k]`.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
	const n = matrix.length;
	const a = matrix.map((row) => Float64Array.from(row));
	const v = Array.from({ length: n }, (_, i) => {
		const row = new Float64Array(n);
		row[i] = 1;
		return row;
	});
	let scale = 0;
	for (const row of a) for (const x of row) scale += x * x;
	const tolerance = 1e-30 * Math.max(scale, Number.MIN_VALUE);
	for (let sweep = 0; sweep < 100; sweep++) {
		let off = 0;
		for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
		if (off <= tolerance) break;
		for (let p = 0; p < n - 1; p++) {
			for (let q = p + 1; q < n; q++) {
				const apq = a[p]![q]!;
				if (apq === 0) continue;
				// The rotation angle that zeroes a[p][q] (Golub and Van Loan, Algorithm 8.4.2).
				const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < n; k++) {
					const akp = a[k]![p]!;
					const akq = a[k]![q]!;
					a[k]![p] = c * akp - s * akq;
					a[k]![q] = s * akp + c * akq;
				}
				for (let k = 0; k < n; k++) {
					const apk = a[p]![k]!;
					const aqk = a[q]![k]!;
					a[p]![k] = c * apk - s * aqk;
					a[q]![k] = s * apk + c * aqk;
				}
				for (let k = 0; k < n; k++) {
					const vkp = v[k]![p]!;
					const vkq = v[k]![q]!;
					v[k]![p] = c * vkp - s * vkq;
					v[k]![q] = s * vkp + c * vkq;
				}
			}
		}
	}
	const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]!);
	return {
		values: order.map((i) => a[i]![i]!),
		vectors: order.map((i) => v.map((row) => row[i]!)),
	};
}
