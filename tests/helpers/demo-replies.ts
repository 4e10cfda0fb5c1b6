import attention from '../../commands/attention.js';
import ffn from '../../commands/ffn.js';
import positions from '../../commands/positions.js';
import residual from '../../commands/residual.js';
import sample from '../../commands/sample.js';
import ngram from '../../commands/ngram.js';
import similarity from '../../commands/similarity.js';
import tokenize from '../../commands/tokenize.js';
import type { AnyCommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';

/** One demo reply to check: a name for test titles and screenshots, the command and its options. */
export interface DemoInvocation {
	name: string;
	command: AnyCommand;
	options: Record<string, string | number>;
}

/** Every demo, every view: the replies the layout, chart and browser tests look at. */
export const DEMO_INVOCATIONS: readonly DemoInvocation[] = [
	{ name: 'tokenize', command: tokenize, options: { text: 'Hello world' } },
	{ name: 'tokenize-ids', command: tokenize, options: { text: 'Hello 안녕 🙂\n\tdef f(x): return x', show: 'ids' } },
	{ name: 'tokenize-bytes', command: tokenize, options: { text: '안녕 world', show: 'bytes' } },
	{ name: 'tokenize-compare', command: tokenize, options: { text: 'Hello 안녕하세요 🙂', encoding: 'compare' } },
	{ name: 'tokenize-chat', command: tokenize, options: { text: 'Hello 안녕하세요 🙂', show: 'chat' } },
	{
		name: 'tokenize-long-ids',
		command: tokenize,
		options: { text: 'the cat sat on the mat. '.repeat(120), show: 'ids' },
	},
	{ name: 'similarity-pair', command: similarity, options: { words: 'king queen' } },
	{ name: 'similarity-matrix', command: similarity, options: { words: 'king queen man woman apple banana' } },
	{ name: 'similarity-neighbors', command: similarity, options: { words: 'frog', mode: 'neighbors' } },
	{ name: 'similarity-map', command: similarity, options: { words: 'king frog computer', mode: 'map' } },
	{ name: 'similarity-analogy', command: similarity, options: { words: 'king - man + woman' } },
	{ name: 'attention-head', command: attention, options: { text: 'To be, or not to be, that is the question' } },
	{ name: 'attention-heads', command: attention, options: { text: 'To be, or not to be', view: 'heads' } },
	{
		name: 'attention-heads-long',
		command: attention,
		options: { text: 'To be, or not to be, that is the question: whether tis nobler in the mind', view: 'heads' },
	},
	{ name: 'attention-steps', command: attention, options: { text: 'To be, or not to be', view: 'steps' } },
	{ name: 'sample', command: sample, options: { prompt: 'The king said', seed: 7 } },
	{ name: 'sample-200', command: sample, options: { prompt: 'The king said', seed: 7, samples: 200 } },
	{ name: 'ngram', command: ngram, options: { prompt: 'To be, or not to' } },
	{ name: 'residual', command: residual, options: { text: 'The king and the queen' } },
	{ name: 'ffn', command: ffn, options: { text: 'The king and the queen' } },
	{ name: 'positions', command: positions, options: {} },
];

/** The lines inside the reply's code blocks (``` … ```), in every text a member reads. */
export function codeBlockLines(reply: Reply): string[] {
	const texts: string[] = [reply.content ?? ''];
	for (const e of reply.embeds ?? []) {
		texts.push(e.description ?? '');
		for (const f of e.fields ?? []) texts.push(f.value);
	}
	const lines: string[] = [];
	for (const text of texts)
		for (const block of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) lines.push(...block[1]!.split('\n'));
	for (const next of reply.followUps ?? []) lines.push(...codeBlockLines(next));
	return lines;
}

/** Every text a member reads in a reply, in order. */
export function replyTexts(reply: Reply): string[] {
	const texts: string[] = [reply.content ?? ''];
	for (const e of reply.embeds ?? []) {
		texts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
		for (const f of e.fields ?? []) texts.push(f.name, f.value);
	}
	for (const next of reply.followUps ?? []) texts.push(...replyTexts(next));
	return texts.filter((t) => t !== '');
}
