import type { Client, Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Dispatcher } from '../core/dispatch.js';
import { baseOf, focusedOf, invocationOf } from './interaction.js';
import { DiscordResponder } from './responder.js';

/**
 * Routes every interaction from the gateway to the dispatcher. Each handler runs detached from the event, so a
 * slow command never delays the next interaction.
 */
export function routeInteractions(client: Client, dispatcher: Dispatcher, log: Logger): void {
	client.on('interactionCreate', (interaction) => {
		handle(interaction, dispatcher).catch((error: unknown) => log.error({ err: error, interaction: interaction.id }, 'interaction routing failed'));
	});
}

async function handle(interaction: Interaction, dispatcher: Dispatcher): Promise<void> {
	const base = baseOf(interaction);
	if (interaction.isChatInputCommand()) {
		await dispatcher.runCommand(base, interaction.commandName, invocationOf(interaction.options.data), new DiscordResponder(interaction));
	} else if (interaction.isAutocomplete()) {
		const choices = await dispatcher.runAutocomplete(base, interaction.commandName, invocationOf(interaction.options.data), focusedOf(interaction));
		await interaction.respond(choices);
	} else if (interaction.isMessageComponent()) {
		const values = interaction.isAnySelectMenu() ? [...interaction.values] : [];
		const message = { id: interaction.message.id, ephemeral: interaction.message.flags.has('Ephemeral') };
		await dispatcher.runComponent(base, interaction.customId, values, message, new DiscordResponder(interaction));
	} else if (interaction.isModalSubmit()) {
		const fields: Record<string, string> = {};
		for (const [id, field] of interaction.fields.fields) {
			if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
		}
		const message = interaction.message ? { id: interaction.message.id, ephemeral: interaction.message.flags.has('Ephemeral') } : null;
		await dispatcher.runModal(base, interaction.customId, fields, message, new DiscordResponder(interaction));
	}
}
