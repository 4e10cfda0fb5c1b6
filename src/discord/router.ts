import type { REST } from '@discordjs/rest';
import type { Client, Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Dispatcher } from '../core/dispatch.js';
import { baseOf, focusedOf, invocationOf } from './interaction.js';
import { DiscordResponder } from './responder.js';

/**
 * Routes every interaction from the gateway to the dispatcher. Each handler runs detached from the event, so a
 * slow command never delays the next interaction.
 */
export function routeInteractions(client: Client, dispatcher: Dispatcher, log: Logger, webhookRest: REST): void {
	const seen = new RecentIds(RECENT_IDS);
	client.on('interactionCreate', (interaction) => {
		// A RESUME can replay an INTERACTION_CREATE the bot already received: discord.js reads the sequence to resume
		// from while the previous event's update is still pending (tests/faults/gateway.e2e.test.ts, op 9). Handling it
		// twice would run the command twice and meet InteractionHasAlreadyBeenAcknowledged.
		if (!seen.add(interaction.id)) {
			log.warn({ interaction: interaction.id }, 'duplicate interaction delivery ignored');
			return;
		}
		handle(interaction, dispatcher, webhookRest).catch((error: unknown) =>
			log.error({ err: error, interaction: interaction.id }, 'interaction routing failed'),
		);
	});
}

async function handle(interaction: Interaction, dispatcher: Dispatcher, webhookRest: REST): Promise<void> {
	const base = baseOf(interaction);
	if (interaction.isChatInputCommand()) {
		await dispatcher.runCommand(
			base,
			interaction.commandName,
			invocationOf(interaction.options.data),
			new DiscordResponder(interaction, webhookRest),
		);
	} else if (interaction.isAutocomplete()) {
		const choices = await dispatcher.runAutocomplete(
			base,
			interaction.commandName,
			invocationOf(interaction.options.data),
			focusedOf(interaction),
		);
		await interaction.respond(choices);
	} else if (interaction.isMessageComponent()) {
		const values = interaction.isAnySelectMenu() ? [...interaction.values] : [];
		const message = { id: interaction.message.id, ephemeral: interaction.message.flags.has('Ephemeral') };
		await dispatcher.runComponent(
			base,
			interaction.customId,
			values,
			message,
			new DiscordResponder(interaction, webhookRest),
		);
	} else if (interaction.isModalSubmit()) {
		const fields: Record<string, string> = {};
		for (const [id, field] of interaction.fields.fields) {
			if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
			// A select menu in a label (`data.components[].component.values`): its choices, one a line ('' for none), so
			// handlers read a single-choice select as they read a text input.
			else if ('values' in field && Array.isArray(field.values)) fields[id] = field.values.join('\n');
		}
		const message = interaction.message
			? { id: interaction.message.id, ephemeral: interaction.message.flags.has('Ephemeral') }
			: null;
		await dispatcher.runModal(
			base,
			interaction.customId,
			fields,
			message,
			new DiscordResponder(interaction, webhookRest),
		);
	}
}

/** Interactions are answerable for 15 minutes; far more than that many arrive in a few seconds' replay window. */
const RECENT_IDS = 10_000;

/** The last `capacity` ids seen, oldest forgotten first. */
class RecentIds {
	private readonly ids = new Set<string>();
	constructor(private readonly capacity: number) {}

	/** Adds `id`; false if it was already there. */
	add(id: string): boolean {
		if (this.ids.has(id)) return false;
		this.ids.add(id);
		if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
		return true;
	}
}
