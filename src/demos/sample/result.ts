import type { NextTokenView } from './distribution.js';
import type { DrawsView } from './draws.js';
import type { SampleSettings } from './input.js';

/** One generated token and the probabilities it had. */
export interface GeneratedPiece {
	id: number;
	text: string;
	/** How the table shows it (see `displayToken`). */
	label: string;
	/** After the filters: the probability it was drawn with (1 when greedy). */
	final: number;
	/** The model's own probability (softmax at T = 1). */
	raw: number;
}

/** One run: the tokens generated after the prompt. */
export interface Continuation {
	/** 1-based: the run's first number in the seed's stream. */
	firstNumber: number;
	pieces: GeneratedPiece[];
	/** The pieces decoded together (a character split across tokens decodes whole here). */
	text: string;
}

/** Everything /sample shows, from either engine. */
export interface SampleResult {
	engine: 'local' | 'openai';
	/** `tiny-gpt`, or the API model's name. */
	model: string;
	prompt: string;
	/** Prompt length in our tokenizer's tokens (local engine). */
	promptTokens?: number;
	/** The model's context: when the prompt is longer, it sees only the last this-many tokens. */
	contextLength?: number;
	settings: SampleSettings;
	/** The distribution of the token right after the prompt. */
	next: NextTokenView;
	/** Run 1, and runs 2… up to CONTINUATIONS_SHOWN when `samples` > 1. */
	continuations: Continuation[];
	/** With `samples` > 1: the first token of every run, counted. */
	draws: DrawsView | null;
	/** Real model only: the probability its top 20 hold before renormalising, and the token the server chose. */
	covered?: number;
	serverChoice?: string;
}
