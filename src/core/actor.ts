/** Who triggered an interaction, as the handler needs to know them. */
export interface Actor {
	id: string;
	/** Display name in the guild, else the global name, else the username. */
	name: string;
	/** Role ids in the guild (empty in DMs). */
	roles: readonly string[];
	/** The member's permissions in the channel, as Discord's bitfield. */
	permissions: bigint;
}
