/*
 * What the inference API returns: plain typed arrays, row-major, no tensors. T = number of input tokens,
 * d = dModel, H = heads, dh = d/H, V = vocabulary, L = layers.
 */

/** One of the most likely next tokens at a position. */
export interface TopToken {
	id: number;
	/** The token's text (bytes decoded as UTF-8, invalid sequences as U+FFFD). */
	text: string;
	logit: number;
	/** softmax probability over the whole vocabulary. */
	prob: number;
}

/** The result of a forward pass over T tokens. */
export interface ForwardResult {
	tokens: number[];
	/** Next-token logits after the last input token [V]. */
	nextLogits: Float32Array;
	/** Logits at every position [T·V]; row t predicts token t+1. */
	logits: Float32Array;
	/** attention[layer][head]: weights after softmax [T·T]; row = query position, column = key position. */
	attention: Float32Array[][];
}

/** The extra detail a traced forward pass returns, per layer. */
export interface ForwardTrace {
	/** Residual stream entering each block [T·d]. */
	residualPre: Float32Array[];
	/** What the attention sub-block added to the stream [T·d]. */
	attnOut: Float32Array[];
	/** What the FFN sub-block added to the stream [T·d]. */
	ffnOut: Float32Array[];
	/** The stream after the last block, before the final LayerNorm [T·d]. */
	residualFinal: Float32Array;
	/** FFN hidden activations after GELU [T·dFF]. */
	ffnHidden: Float32Array[];
	/** L2 norms per token [T] of: the stream entering each block, and each sub-block's contribution. */
	norms: { residualPre: Float32Array[]; attnOut: Float32Array[]; ffnOut: Float32Array[]; residualFinal: Float32Array };
	/**
	 * Logit lens: the final LayerNorm and the output head applied to the residual stream, at L + 1 depths:
	 * index 0 = after the embeddings (before any block), index i = after block i (index L is the real output).
	 * lens[depth][position] lists the top tokens, most likely first.
	 */
	logitLens: TopToken[][][];
}

export interface TracedForwardResult extends ForwardResult {
	trace: ForwardTrace;
}

/**
 * One layer's attention, step by step, for a short input: per head [T·dh] or [T·T] arrays.
 * scores = Q·Kᵀ; scaled = scores/√dh; masked = scaled with −Infinity above the diagonal (the model adds −1e9,
 * whose exponential is exactly 0 as well); weights = softmax(masked) by row; output = weights·V.
 */
export interface AttentionSteps {
	layer: number;
	headDim: number;
	/** The LayerNorm-ed input the projections read [T·d]. */
	input: Float32Array;
	q: Float32Array[];
	k: Float32Array[];
	v: Float32Array[];
	scores: Float32Array[];
	scaled: Float32Array[];
	masked: Float32Array[];
	weights: Float32Array[];
	output: Float32Array[];
}
