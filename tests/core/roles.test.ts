import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { isOrganizer, isPresenter, requirePresenter } from '../../src/core/roles.js';

const actor = (permissions: bigint, roles: string[] = []) => ({ id: '1', name: 'x', permissions, roles });
const none = { organizerRoleId: null, presenterRoleId: null };
const configured = { organizerRoleId: 'orga', presenterRoleId: 'pres' };

describe('roles', () => {
	it('GIVEN Manage Server or Administrator THEN organizer (and presenter)', () => {
		expect(isOrganizer(actor(PermissionFlagsBits.ManageGuild), none)).toBe(true);
		expect(isOrganizer(actor(PermissionFlagsBits.Administrator), none)).toBe(true);
		expect(isPresenter(actor(PermissionFlagsBits.ManageGuild), none)).toBe(true);
	});
	it('GIVEN only the configured roles THEN they decide', () => {
		expect(isOrganizer(actor(0n, ['orga']), configured)).toBe(true);
		expect(isOrganizer(actor(0n, ['pres']), configured)).toBe(false);
		expect(isPresenter(actor(0n, ['pres']), configured)).toBe(true);
		expect(isPresenter(actor(0n, ['pres']), none)).toBe(false);
	});
	it('GIVEN no presenter role yet THEN requirePresenter says who sets one and how', () => {
		expect(() => requirePresenter(actor(0n, ['pres']), none, 'present a session')).toThrow(
			'Only presenters can present a session, and this server has no presenter role yet, so only organizers can for now. Ask an organizer (a member with Manage Server) to choose one with `/settings roles presenter_role:` and give it to you, or to present a session themselves.',
		);
	});
	it('GIVEN a plain member THEN requirePresenter refuses naming the roles to ask for', () => {
		expect(() => requirePresenter(actor(0n), configured, 'run a live quiz')).toThrow(
			/Only presenters can run a live quiz.*<@&pres>/,
		);
	});
});
