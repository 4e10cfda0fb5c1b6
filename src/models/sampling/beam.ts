import { logSoftmax, type Vector } from './softmax.js';

/** One candidate of the search tree: a token appended to a beam, with its cumulative log-probability. */
export interface BeamNode {
	/** Index of the parent node in `nodes`, or -1 for a first token (whose parent is the prompt). */
	parent: number;
	/** 1-based: the generated token's position after the prompt. */
	depth: number;
	token: number;
	/** log p(token | prompt and the beam so far), natural log. */
	logProb: number;
	/** Sum of `logProb` along the path from the prompt: the score the beam is ranked by. */
	cumulative: number;
	/** True when this candidate made it into the beam at its step (false: pruned there). */
	kept: boolean;
}

/** A finished sequence and its score. */
export interface ScoredSequence {
	tokens: number[];
	/** Sum of the tokens' log-probabilities (natural log), no length normalisation. */
	score: number;
	/** The node of its last token. */
	node: number;
}

export interface BeamSearchResult {
	width: number;
	length: number;
	/** Every candidate considered, step by step (at most width × width per step). */
	nodes: BeamNode[];
	/** The final beams, best first. */
	beams: ScoredSequence[];
}

/**
 * Beam search without length normalisation or end-of-sequence handling: keep the `width` highest-scoring
 * sequences at each step, a sequence's score being the sum of its tokens' log-probabilities.
 *
 * At each step every beam proposes its `width` most likely next tokens; the `width` best of those proposals (by
 * cumulative log-probability) become the new beams. Looking at only `width` tokens per beam loses nothing: a token
 * outside a beam's own top `width` is beaten by `width` proposals from that same beam. Ties go to the earlier beam,
 * then to the lower token id, so the search is deterministic. Width 1 is greedy decoding.
 *
 * @param next the model: next-token logits after a sequence (the prompt followed by the generated tokens).
 */
export function beamSearch(
	next: (tokens: readonly number[]) => Vector,
	prompt: readonly number[],
	width: number,
	length: number,
): BeamSearchResult {
	if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be an integer ≥ 1, got ${width}`);
	if (!Number.isInteger(length) || length < 1) throw new RangeError(`length must be an integer ≥ 1, got ${length}`);
	const nodes: BeamNode[] = [];
	let beams: ScoredSequence[] = [{ tokens: [], score: 0, node: -1 }];
	for (let depth = 1; depth <= length; depth++) {
		const proposals: { beam: number; token: number; logProb: number; node: number }[] = [];
		beams.forEach((beam, b) => {
			const logProbs = logSoftmax(next([...prompt, ...beam.tokens]));
			for (const token of topIds(logProbs, width)) {
				const logProb = logProbs[token]!;
				nodes.push({ parent: beam.node, depth, token, logProb, cumulative: beam.score + logProb, kept: false });
				proposals.push({ beam: b, token, logProb, node: nodes.length - 1 });
			}
		});
		// Array.prototype.sort is stable: equal scores keep the proposal order (earlier beam, then lower id).
		proposals.sort((x, y) => nodes[y.node]!.cumulative - nodes[x.node]!.cumulative);
		beams = proposals.slice(0, width).map((p) => {
			const node = nodes[p.node]!;
			node.kept = true;
			return { tokens: [...beams[p.beam]!.tokens, p.token], score: node.cumulative, node: p.node };
		});
	}
	return { width, length, nodes, beams };
}

/** The ids of the `k` largest entries, largest first, ties to the lower id. */
function topIds(values: Float64Array, k: number): number[] {
	const ids = Array.from({ length: values.length }, (_, i) => i).filter((i) => values[i]! > -Infinity);
	ids.sort((a, b) => values[b]! - values[a]! || a - b);
	return ids.slice(0, k);
}

/** The path of node ids from the first generated token to `node`. */
export function pathTo(nodes: readonly BeamNode[], node: number): number[] {
	const path: number[] = [];
	for (let n = node; n !== -1; n = nodes[n]!.parent) path.unshift(n);
	return path;
}
