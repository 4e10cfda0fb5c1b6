import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Actor } from './actor.js';
import { t, type MessageKey } from '../i18n/index.js';
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

/**
 * The action a refusal names, in the current language. Callers pass the English phrase (`'manage the schedule'`);
 * the ones the catalogue knows are written in the member's language, any other is shown as given.
 */
const ACTIONS: Readonly<Record<string, MessageKey>> = {
	'present a session': 'core.actions.presentSession',
	'run a live quiz': 'core.actions.runLiveQuiz',
	'end a live quiz': 'core.actions.endLiveQuiz',
	'change the settings': 'core.actions.changeSettings',
	'manage the schedule': 'core.actions.manageSchedule',
	'download the group report': 'core.actions.downloadReport',
	'replace a level’s secret': 'core.actions.replaceSecret',
};
const action = (what: string): string => (ACTIONS[what] ? t(ACTIONS[what]) : what);

/** Throws a clear refusal unless the member is an organizer. */
export function requireOrganizer(actor: Actor, settings: RoleSettings, what: string): void {
	if (isOrganizer(actor, settings)) return;
	const role = settings.organizerRoleId
		? t('core.forbidden.organizerRole', { role: `<@&${settings.organizerRoleId}>` })
		: '';
	throw new UserError(t('core.forbidden.organizer', { what: action(what), role }), 'forbidden.organizer');
}

/**
 * Throws a refusal that says what to do unless the member is a presenter (or an organizer). Before an organizer
 * chose a presenter role, no role makes a presenter, so the message says who sets one and how.
 */
export function requirePresenter(actor: Actor, settings: RoleSettings, what: string): void {
	if (isPresenter(actor, settings)) return;
	const organizers = settings.organizerRoleId
		? t('core.forbidden.organizersWithRole', { role: `<@&${settings.organizerRoleId}>` })
		: t('core.forbidden.organizers');
	if (!settings.presenterRoleId)
		throw new UserError(t('core.forbidden.presenterNoRole', { what: action(what), organizers }), 'forbidden.presenter');
	throw new UserError(
		t('core.forbidden.presenter', { what: action(what), organizers, role: `<@&${settings.presenterRoleId}>` }),
		'forbidden.presenter',
	);
}

/** Guild-only commands refuse DMs with a message instead of failing. */
export function requireGuild(guildId: string | null): string {
	if (!guildId) throw new UserError(t('core.forbidden.guildOnly'), 'guild-only');
	return guildId;
}
