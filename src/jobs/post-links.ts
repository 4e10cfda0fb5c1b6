/** Links to a week's post and event, for the organizer's replies about them. */
export const messageUrl = (guildId: string, channelId: string, messageId: string) =>
	`https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
export const eventUrl = (guildId: string, eventId: string) => `https://discord.com/events/${guildId}/${eventId}`;
