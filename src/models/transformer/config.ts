/** Shape of a GPT-style decoder-only transformer. The output head is tied to the token embedding. */
export interface ModelConfig {
	vocabSize: number;
	/** Maximum sequence length (number of learnt position embeddings). */
	contextLength: number;
	dModel: number;
	nLayers: number;
	nHeads: number;
	/** Width of the feed-forward hidden layer (usually 4·dModel). */
	dFF: number;
}

/** Parameter names and shapes, in the order they are stored on disk. */
export function parameterShapes(c: ModelConfig): [string, number[]][] {
	const d = c.dModel;
	const out: [string, number[]][] = [
		['wte', [c.vocabSize, d]],
		['wpe', [c.contextLength, d]],
	];
	for (let l = 0; l < c.nLayers; l++) {
		out.push(
			[`h${l}.ln1.g`, [d]],
			[`h${l}.ln1.b`, [d]],
			[`h${l}.attn.wq`, [d, d]],
			[`h${l}.attn.bq`, [d]],
			[`h${l}.attn.wk`, [d, d]],
			[`h${l}.attn.bk`, [d]],
			[`h${l}.attn.wv`, [d, d]],
			[`h${l}.attn.bv`, [d]],
			[`h${l}.attn.wo`, [d, d]],
			[`h${l}.attn.bo`, [d]],
			[`h${l}.ln2.g`, [d]],
			[`h${l}.ln2.b`, [d]],
			[`h${l}.mlp.w1`, [d, c.dFF]],
			[`h${l}.mlp.b1`, [c.dFF]],
			[`h${l}.mlp.w2`, [c.dFF, d]],
			[`h${l}.mlp.b2`, [d]],
		);
	}
	out.push(['lnf.g', [d]], ['lnf.b', [d]]);
	return out;
}

/** Total number of parameters (the tied head adds none). */
export function parameterCount(c: ModelConfig): number {
	return parameterShapes(c).reduce((sum, [, shape]) => sum + shape.reduce((a, b) => a * b, 1), 0);
}

/** Throws if the configuration is inconsistent. */
export function validateConfig(c: ModelConfig): void {
	for (const [key, value] of Object.entries(c)) {
		if (!Number.isInteger(value) || value <= 0)
			throw new Error(`config.${key} must be a positive integer, got ${value}`);
	}
	if (c.dModel % c.nHeads !== 0) throw new Error(`dModel ${c.dModel} is not divisible by nHeads ${c.nHeads}`);
}
