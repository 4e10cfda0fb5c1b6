import type { APIMessage } from 'discord-api-types/v10';
import {
	isAnswered,
	showsWaitingNotice,
	type DiscordEmulator,
	type DispatchInput,
	type InteractionHandle,
	type InteractionOutcome,
} from '../../tests/emulator/index.js';

/** What one simulated member does next, with its share of a meeting's traffic. */
interface Action {
	label: string;
	weight: number;
	/** Needs this command in the registry. */
	command: string;
	input(member: string, i: number): DispatchInput | null;
}

const PROMPTS = [
	'The cat sat on the',
	'Attention is all you',
	'Large language models predict the next',
	'Once upon a time',
	'The capital of France is',
];
const WORDS = ['king queen', 'cat dog mouse', 'paris france tokyo japan', 'good bad', 'man woman king queen'];

/**
 * The mix of a study meeting, from what happens in one: the presenter runs a live quiz and everyone clicks its
 * buttons; members try the week's demos on their own sentences (tokenize, similarity, attention, sample); some
 * practise or look at their progress, check in, or look up the week. Commands not in the registry are left out.
 */
export function meetingMix(liveQuestion: () => APIMessage | undefined, general: string): Action[] {
	const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
	return [
		{
			label: 'quiz live answer (button)',
			weight: 20,
			command: 'quiz',
			input: (user, i) => {
				const message = liveQuestion();
				const rows = (message?.components ?? []) as { components?: { custom_id?: string }[] }[];
				const id = rows.flatMap((row) => row.components ?? []).map((c) => c.custom_id ?? '')[i % 4];
				return message && id ? { type: 'button', customId: id, message, user, channel: general } : null;
			},
		},
		{
			label: 'tokenize',
			weight: 18,
			command: 'tokenize',
			input: (user, i) => ({
				type: 'command',
				name: 'tokenize',
				options: { text: `${pick(PROMPTS, i)} ${i}` },
				user,
				channel: general,
			}),
		},
		{
			label: 'similarity',
			weight: 12,
			command: 'similarity',
			input: (user, i) => ({
				type: 'command',
				name: 'similarity',
				options: { words: pick(WORDS, i) },
				user,
				channel: general,
			}),
		},
		{
			label: 'attention',
			weight: 10,
			command: 'attention',
			input: (user, i) => ({
				type: 'command',
				name: 'attention',
				options: { text: pick(PROMPTS, i) },
				user,
				channel: general,
			}),
		},
		{
			label: 'sample',
			weight: 10,
			command: 'sample',
			input: (user, i) => ({
				type: 'command',
				name: 'sample',
				options: { prompt: pick(PROMPTS, i), tokens: 8 },
				user,
				channel: general,
			}),
		},
		{
			label: 'quiz practice',
			weight: 8,
			command: 'quiz',
			input: (user, i) => ({
				type: 'command',
				name: 'quiz',
				subcommand: 'practice',
				options: { week: 1 + (i % 12), count: 3 },
				user,
				channel: general,
			}),
		},
		{
			label: 'progress',
			weight: 6,
			command: 'progress',
			input: (user) => ({ type: 'command', name: 'progress', user, channel: general }),
		},
		{
			label: 'checkin',
			weight: 6,
			command: 'checkin',
			input: (user) => ({ type: 'command', name: 'checkin', user, channel: general }),
		},
		{
			label: 'week',
			weight: 5,
			command: 'week',
			input: (user) => ({ type: 'command', name: 'week', user, channel: general }),
		},
		{
			label: 'help',
			weight: 5,
			command: 'help',
			input: (user) => ({ type: 'command', name: 'help', user, channel: general }),
		},
	];
}

/** Every interaction a simulated member sent, and what became of it. */
export interface Sample {
	label: string;
	/** Dispatch → the member's final reply (the last edit or follow-up), ms; null if never answered. */
	latencyMs: number | null;
	/** `ok`; `limited` (a cooldown ❌); `busy` (the compute queue was full: "try again in a few seconds"); `refused` (another ❌); `unanswered` (no answer, or Discord refused the bot's). */
	result: 'ok' | 'limited' | 'busy' | 'refused' | 'unanswered';
	/** For an unanswered one: why (Discord's error code on the bot's request, no acknowledgement, or no final reply). */
	why?: string;
}

/** What the member saw last: a real answer or which kind of ❌. */
export function classify(outcome: InteractionOutcome): Sample['result'] {
	const shown = [outcome.original, ...outcome.followUps].filter((m) => m && !m.deleted).at(-1);
	const content = shown?.message.content ?? '';
	if (showsWaitingNotice(outcome)) return 'unanswered';
	if (/^❌ You have run \//.test(content)) return 'limited';
	if (/^❌ The bot is busy/.test(content)) return 'busy';
	if (content.startsWith('❌')) return 'refused';
	return 'ok';
}

/**
 * Runs `members` members until `deadline` (performance.now()), each sending its next interaction as soon as the
 * previous one was answered, or, with `thinkMs` [min, max], after reading it for that long (a deterministic time in
 * the range). A member picks actions by weight with its own deterministic sequence.
 */
export async function runMembers(
	emulator: DiscordEmulator,
	members: readonly string[],
	actions: Action[],
	deadline: number,
	thinkMs?: readonly [number, number],
): Promise<Sample[]> {
	const samples: Sample[] = [];
	const total = actions.reduce((s, a) => s + a.weight, 0);
	const member = async (name: string, index: number): Promise<void> => {
		let state = (index * 2_654_435_761) >>> 0;
		for (let i = 0; performance.now() < deadline; i++) {
			state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
			let roll = state % total;
			const action = actions.find((a) => (roll -= a.weight) < 0)!;
			let input: DispatchInput | null;
			try {
				input = action.input(name, index + i);
				if (!input) {
					// Nothing to click right now (between live questions): look again shortly.
					await new Promise((r) => setTimeout(r, 50));
					continue;
				}
				const handle = emulator.dispatchInteraction(input);
				const outcome = await settled(handle, 30_000);
				const answered =
					outcome.acknowledged &&
					outcome.errors.length === 0 &&
					outcome.timings.finalStateMs !== null &&
					(outcome.original !== null || outcome.followUps.length > 0 || outcome.modal !== null);
				const why = answered
					? undefined
					: outcome.errors[0]
						? `${outcome.errors[0].route} ${outcome.errors[0].code} at ${outcome.errors[0].atMs} ms (delivered after ${outcome.timings.deliveredMs} ms)`
						: outcome.acknowledged
							? 'acknowledged, no final reply'
							: `not acknowledged (delivered after ${outcome.timings.deliveredMs} ms)`;
				samples.push({
					label: action.label,
					latencyMs: answered ? outcome.timings.finalStateMs : null,
					result: answered ? classify(outcome) : 'unanswered',
					...(why ? { why } : {}),
				});
				// Reading stops at the deadline, so the run's length (and its rate) is not stretched by a last pause.
				const pause = thinkMs
					? Math.min(thinkMs[0] + (state % (thinkMs[1] - thinkMs[0] + 1)), deadline - performance.now())
					: 0;
				if (pause > 0) await new Promise((r) => setTimeout(r, pause));
			} catch {
				// The live question closed between reading it and clicking (the emulator refuses disabled buttons): pick again.
				await new Promise((r) => setTimeout(r, 10));
			}
		}
	};
	await Promise.all(members.map((name, index) => member(name, index)));
	return samples;
}

/**
 * The interaction's final state: answered and unchanged for one poll. Polled every 100 ms rather than with
 * `handle.answered()`, whose waiters re-check (and deep-copy) every pending interaction on every request the
 * emulator serves, and polling only the change time until it settles: with 200 members waiting, copying made the
 * emulator itself the bottleneck, and its late handling of callbacks showed as missed 3 s windows. The timings are
 * the emulator's, taken when each change happened, so polling adds nothing to them.
 */
export async function settled(handle: InteractionHandle, timeoutMs: number): Promise<InteractionOutcome> {
	const deadline = performance.now() + timeoutMs;
	let last: number | null = null;
	for (;;) {
		await new Promise((r) => setTimeout(r, 100));
		// Only the change time is read while waiting; the outcome (a deep copy) is built once things look settled.
		const changed = handle.lastChangeAt();
		if (changed !== null && changed === last) {
			const outcome = handle.outcome();
			if (isAnswered(outcome) && !showsWaitingNotice(outcome)) return outcome;
		}
		last = changed;
		if (performance.now() > deadline) return handle.outcome();
	}
}

/** Whether the member was shown their place in line before the answer (any version of the reply was the notice). */
export function wasToldToWait(outcome: InteractionOutcome): boolean {
	const original = outcome.original;
	return original !== null && [...original.history, original.message].some((m) => m.content.startsWith('⏳'));
}

/** The p-th percentile (nearest rank) of a list. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
