import type { InteractionOutcome, StoredMessage } from '../../emulator/index.js';

/** Every message the member was shown for an interaction: the response (after edits), then the follow-ups. */
export function shown(outcome: InteractionOutcome): StoredMessage[] {
	return [...(outcome.original ? [outcome.original] : []), ...outcome.followUps].filter((m) => !m.deleted);
}

/** The text of what the member was shown, messages joined by a blank line. */
export function shownText(outcome: InteractionOutcome): string {
	return shown(outcome)
		.map((m) =>
			[m.message.content, ...m.message.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)]
				.filter(Boolean)
				.join('\n'),
		)
		.join('\n\n');
}

/** The last message shown and whether only the member sees it (how an error reaches them). */
export function lastShown(outcome: InteractionOutcome): { content: string; ephemeral: boolean } | undefined {
	const last = shown(outcome).at(-1);
	return last ? { content: last.message.content, ephemeral: last.ephemeral } : undefined;
}

/** Nobody was notified by anything the interaction showed. */
export function nobodyPinged(outcome: InteractionOutcome): boolean {
	return shown(outcome).every((m) => m.pinged.users.length === 0 && m.pinged.roles.length === 0 && !m.pinged.everyone);
}

/** The custom ids of a message's buttons and menus, in order. */
export function customIdsOf(message: StoredMessage['message'] | undefined): string[] {
	const rows = (message?.components ?? []) as { components?: { custom_id?: string }[] }[];
	return rows.flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? '')).filter(Boolean);
}
