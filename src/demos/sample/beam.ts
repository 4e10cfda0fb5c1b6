import { beamSearch, pathTo, type BeamNode } from '../../models/sampling/index.js';
import type { TinyGpt } from '../../models/transformer/index.js';
import { displayToken } from '../tokenize/visible.js';

/** Widths /sample's beam search takes. */
export const BEAM_MIN_WIDTH = 2;
export const BEAM_MAX_WIDTH = 8;
export const BEAM_DEFAULT_WIDTH = 3;
/** Tokens a beam search generates when the member does not say. */
export const BEAM_DEFAULT_TOKENS = 10;
/** Most tokens a beam search generates (each step runs the model once per beam). */
export const BEAM_MAX_TOKENS = 20;

/** A candidate of the tree, with its token's label. */
export interface BeamViewNode extends BeamNode {
	label: string;
}

/** A sequence with its tokens' labels and its decoded text. */
export interface BeamSequence {
	tokens: number[];
	labels: string[];
	text: string;
	/** Summed natural-log probability of the tokens. */
	score: number;
	/** The running score after each token. */
	cumulative: number[];
	/** Node ids of the path in `BeamView.nodes` (empty for greedy, which is searched apart). */
	path: number[];
}

/** What /sample strategy:beam shows. */
export interface BeamView {
	model: string;
	prompt: string;
	promptTokens: number;
	width: number;
	length: number;
	nodes: BeamViewNode[];
	/** The final beams, best first. */
	beams: BeamSequence[];
	/** Greedy decoding (beam width 1) of the same length, with its own small tree of nodes. */
	greedy: BeamSequence;
	/** 0-based position of the first token where the best beam and greedy differ; null when they agree throughout. */
	partAt: number | null;
}

/** Runs beam search of `width` and greedy decoding for `length` tokens after `prompt` with our model. */
export function beamLocal(model: TinyGpt, prompt: string, width: number, length: number): BeamView {
	const tokenizer = model.tokenizer;
	if (!tokenizer) throw new Error(`${model.name} has no tokenizer`);
	const ids = tokenizer.encode(prompt);
	if (ids.length === 0) throw new RangeError('beam: empty prompt');
	const context = model.config.contextLength;
	const next = (tokens: readonly number[]) => model.run(tokens.slice(-context)).nextLogits;
	const label = (id: number) => displayToken(tokenizer.decode([id]), tokenizer.tokenBytes(id));
	const search = beamSearch(next, ids, width, length);
	const greedySearch = beamSearch(next, ids, 1, length);
	const nodes = search.nodes.map((n) => ({ ...n, label: label(n.token) }));
	const sequence = (tokens: number[], score: number, cumulative: number[], path: number[]): BeamSequence => ({
		tokens,
		labels: tokens.map(label),
		text: tokenizer.decode(tokens),
		score,
		cumulative,
		path,
	});
	const beams = search.beams.map((b) => {
		const path = pathTo(search.nodes, b.node);
		return sequence(
			b.tokens,
			b.score,
			path.map((n) => search.nodes[n]!.cumulative),
			path,
		);
	});
	const g = greedySearch.beams[0]!;
	const greedyPath = pathTo(greedySearch.nodes, g.node).map((n) => greedySearch.nodes[n]!.cumulative);
	const greedy = sequence(g.tokens, g.score, greedyPath, []);
	const best = beams[0]!;
	const partAt = best.tokens.findIndex((t, i) => t !== greedy.tokens[i]);
	return {
		model: model.name,
		prompt,
		promptTokens: ids.length,
		width,
		length,
		nodes,
		beams,
		greedy,
		partAt: partAt === -1 ? null : partAt,
	};
}
