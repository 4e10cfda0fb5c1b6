import type { DispatchInput } from '../../emulator/index.js';

/** One member's command, as the emulated Discord client sends it. */
export type CommandInput = Extract<DispatchInput, { type: 'command' }>;

/**
 * What members do in a meeting, cheapest to dearest: look up the week, check in, run a demo, practise, look at their
 * progress. `i` picks the command and the member (`m01`…), so a burst spreads over members as a real one does and no
 * member meets a cooldown.
 */
export function meetingCommand(i: number, members: readonly string[]): CommandInput {
	const user = members[i % members.length]!;
	const mix: Omit<CommandInput, 'type' | 'user'>[] = [
		{ name: 'help' },
		{ name: 'week' },
		{ name: 'checkin' },
		{ name: 'tokenize', options: { text: `Attention is all you need, said member ${i}.` } },
		{ name: 'similarity', options: { words: 'king queen man woman' } },
		{ name: 'quiz', subcommand: 'practice', options: { week: 1 + (i % 12), count: 3 } },
		{ name: 'progress' },
		{ name: 'review' },
		{ name: 'leaderboard' },
		{ name: 'about' },
	];
	return { type: 'command', user, ...mix[i % mix.length]! };
}
