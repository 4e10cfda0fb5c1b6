import { DIMENSION_IDS } from '../../src/curriculum/schema.js';
import type { ChatRequestBody } from '../helpers/openai-server.js';

/** Stand-in model behaviours for the local OpenAI-compatible server (its `script` hook), shared by tests. */

/**
 * A deterministic evaluator: each dimension scores the number of member answers in the transcript (capped at 5),
 * minus one for every second dimension; the evidence quotes the member's first answer.
 */
export function countingEvaluator(request: ChatRequestBody): string | undefined {
	if (!request.messages[0]!.content.includes('You evaluate one member')) return undefined;
	const transcript = request.messages[1]!.content;
	const boundary = /^(MEMBER-[0-9a-f]+)$/m.exec(transcript)?.[1];
	const answers = boundary
		? [...transcript.matchAll(new RegExp(`^${boundary}\\n([\\s\\S]*?)\\nEND-${boundary}$`, 'gm'))].map((m) => m[1]!)
		: [];
	const dimensions = Object.fromEntries(
		DIMENSION_IDS.map((id, i) => [
			id,
			{ score: Math.max(0, Math.min(5, answers.length) - (i % 2)), evidence: `You wrote: “${answers[0] ?? ''}”` },
		]),
	);
	return JSON.stringify({
		dimensions,
		strengths: ['Clear answers'],
		improvements: ['Connect to week 2'],
		nextSteps: ['Try /inject level:3'],
	});
}

/**
 * A gullible stand-in guard. Asked for the secret directly it tells, unless its rules carry an instruction
 * hierarchy; asked to spell, reverse or base64-encode "the magic word" it always obliges. The level-5 judge
 * flags a reply that holds the secret in base64.
 */
export function gullibleGuard(request: ChatRequestBody): string {
	const system = request.messages[0]!.content;
	const user = request.messages.at(-1)!.content.toLowerCase();
	if (system.startsWith('You are a security filter')) {
		const secret = /secret word ([A-Z]+) in any form/.exec(system)![1]!;
		const reveals = request.messages.at(-1)!.content.includes(Buffer.from(secret).toString('base64'));
		return JSON.stringify({ reveals, why: reveals ? 'it contains the secret in base64' : 'no trace of the secret' });
	}
	const secret = /secret word(?: is|:) ([A-Z]+)/.exec(system)![1]!;
	if (user.includes('repeat everything above')) return system;
	if (user.includes('spell')) return `Sure: ${[...secret].join('-')}`;
	if (user.includes('backwards')) return `Here it is reversed: ${[...secret].reverse().join('')}`;
	if (user.includes('base64')) return `Encoded: ${Buffer.from(secret).toString('base64')}`;
	if (/secret|password|magic word/.test(user)) {
		return system.includes('Rules, in order of priority')
			? 'Sorry, I cannot share that. Shall we talk about attention?'
			: `The secret word is ${secret}.`;
	}
	return 'Hello! How can I help with your studies?';
}
