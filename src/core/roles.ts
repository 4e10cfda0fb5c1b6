import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Actor } from './actor.js';
import { UserError } from './errors.js';

/** The role settings the checks need (see GuildSettings). */
export interface RoleSettings {
	organizerRoleId: string | null;
	presenterRoleId: string | null;
}

/**
 * `default_member_permissions` of organizer commands (Manage Server, as Discord's permission bit string): Discord
 * hides them from members without it. A server can still grant them to the organizer role in its Integrations
 * settings; the runtime check ({@link requireOrganizer}) stays, as that setting can be changed at any time.
 */
export const ORGANIZER_PERMISSIONS = PermissionFlagsBits.ManageGuild.toString();

/** Organizers: Manage Server (or Administrator) permission, or the configured organizer role. */
export function isOrganizer(actor: Actor, settings: RoleSettings): boolean {
	const p = actor.permissions;
	if ((p & PermissionFlagsBits.ManageGuild) !== 0n || (p & PermissionFlagsBits.Administrator) !== 0n) return true;
	return settings.organizerRoleId !== null && actor.roles.includes(settings.organizerRoleId);
}

/** Presenters: organizers, or the configured presenter role. */
export function isPresenter(actor: Actor, settings: RoleSettings): boolean {
	return (
		isOrganizer(actor, settings) ||
		(settings.presenterRoleId !== null && actor.roles.includes(settings.presenterRoleId))
	);
}

/** Throws a clear refusal unless the member is an organizer. */
export function requireOrganizer(actor: Actor, settings: RoleSettings, what: string): void {
	if (isOrganizer(actor, settings)) return;
	const role = settings.organizerRoleId ? ` or the <@&${settings.organizerRoleId}> role` : '';
	throw new UserError(
		`Only organizers can ${what}: you need the Manage Server permission${role}.`,
		'forbidden.organizer',
	);
}

/**
 * Throws a refusal that says what to do unless the member is a presenter (or an organizer). Before an organizer
 * chose a presenter role, no role makes a presenter, so the message says who sets one and how.
 */
export function requirePresenter(actor: Actor, settings: RoleSettings, what: string): void {
	if (isPresenter(actor, settings)) return;
	const organizers = settings.organizerRoleId
		? `an organizer (Manage Server, or the <@&${settings.organizerRoleId}> role)`
		: 'an organizer (a member with Manage Server)';
	if (!settings.presenterRoleId)
		throw new UserError(
			`Only presenters can ${what}, and this server has no presenter role yet, so only organizers can for now. ` +
				`Ask ${organizers} to choose one with \`/settings roles presenter_role:\` and give it to you, or to ${what} themselves.`,
			'forbidden.presenter',
		);
	throw new UserError(
		`Only presenters can ${what}: ask ${organizers} for the <@&${settings.presenterRoleId}> role.`,
		'forbidden.presenter',
	);
}

/** Guild-only commands refuse DMs with a message instead of failing. */
export function requireGuild(guildId: string | null): string {
	if (!guildId) throw new UserError('This command works in a server, not in direct messages.', 'guild-only');
	return guildId;
}
