/**
 * A binary max-heap of (count, key) pairs ordered by count, ties broken by the smaller key, so that training
 * is deterministic. Stale entries are allowed: the trainer checks each popped entry against the live count.
 */
export class PairHeap {
	private counts: number[] = [];
	private keys: number[] = [];

	get size(): number {
		return this.counts.length;
	}

	push(count: number, key: number): void {
		this.counts.push(count);
		this.keys.push(key);
		let i = this.counts.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.before(i, parent)) break;
			this.swap(i, parent);
			i = parent;
		}
	}

	/** Removes and returns the top entry, or undefined when empty. */
	pop(): { count: number; key: number } | undefined {
		const n = this.counts.length;
		if (n === 0) return undefined;
		const top = { count: this.counts[0] as number, key: this.keys[0] as number };
		const lastCount = this.counts.pop() as number;
		const lastKey = this.keys.pop() as number;
		if (n > 1) {
			this.counts[0] = lastCount;
			this.keys[0] = lastKey;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let best = i;
				if (l < n - 1 && this.before(l, best)) best = l;
				if (r < n - 1 && this.before(r, best)) best = r;
				if (best === i) break;
				this.swap(i, best);
				i = best;
			}
		}
		return top;
	}

	private before(a: number, b: number): boolean {
		const ca = this.counts[a] as number;
		const cb = this.counts[b] as number;
		return ca > cb || (ca === cb && (this.keys[a] as number) < (this.keys[b] as number));
	}

	private swap(a: number, b: number): void {
		[this.counts[a], this.counts[b]] = [this.counts[b] as number, this.counts[a] as number];
		[this.keys[a], this.keys[b]] = [this.keys[b] as number, this.keys[a] as number];
	}
}
