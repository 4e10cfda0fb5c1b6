import type { Actor } from '../../core/actor.js';
import type { Store } from '../store.js';

/** What the bot last saw of a member: the name to print on cards, and the roles that decide "organizer". */
export interface MemberProfile {
	userId: string;
	name: string;
	roles: string[];
	/** The member's permission bitfield, as a decimal string (JSON has no bigint). */
	permissions: string;
	/** ISO instant of the member's last recorded activity. */
	seenAt: string;
}

/** A member's activity besides quiz answers. */
export interface MemberActivity {
	profile: MemberProfile;
	/** Successful runs per demo command (`tokenize`, `similarity`, …), counted by the dispatcher's outcome hook. */
	demos: Record<string, number>;
	/** ISO instants of the member's demo runs, newest last (kept for streaks; at most {@link MAX_DEMO_TIMES}). */
	demoTimes: string[];
}

const MAX_DEMO_TIMES = 500;
/** A profile is rewritten at most this often when nothing but the time changed (keeps live-quiz bursts cheap). */
const SEEN_REFRESH_MS = 60 * 60_000;

/** The Actor a stored profile stands for, for role checks made later (leaderboards, reports). */
export function actorOfProfile(profile: MemberProfile): Actor {
	return { id: profile.userId, name: profile.name, roles: profile.roles, permissions: BigInt(profile.permissions) };
}

/** Member profiles and demo-run counts per server, one key per member plus an index of members. */
export class MemberActivityRepository {
	constructor(private readonly store: Store) {}

	private key(guildId: string, userId: string): string {
		return `guild:${guildId}:member:${userId}`;
	}
	private indexKey(guildId: string): string {
		return `guild:${guildId}:member-index`;
	}

	private async change(
		guildId: string,
		actor: Actor,
		now: Date,
		edit: (current: MemberActivity) => MemberActivity | null,
	): Promise<void> {
		const key = this.key(guildId, actor.id);
		const isNew = await this.store.exclusive(key, async () => {
			const saved = await this.store.get<MemberActivity>(key);
			const profile: MemberProfile = {
				userId: actor.id,
				name: actor.name,
				roles: [...actor.roles],
				permissions: actor.permissions.toString(),
				seenAt: now.toISOString(),
			};
			const old = saved?.profile;
			const refresh =
				!old ||
				old.name !== profile.name ||
				old.permissions !== profile.permissions ||
				old.roles.join() !== profile.roles.join() ||
				now.getTime() - Date.parse(old.seenAt) >= SEEN_REFRESH_MS;
			const base: MemberActivity = saved ?? { profile, demos: {}, demoTimes: [] };
			const withProfile = refresh ? { ...base, profile } : base;
			const next = edit(withProfile);
			if (next) await this.store.set(key, next);
			else if (refresh) await this.store.set(key, withProfile);
			return !saved;
		});
		if (!isNew) return;
		const index = this.indexKey(guildId);
		await this.store.exclusive(index, async () => {
			const ids = (await this.store.get<string[]>(index)) ?? [];
			if (!ids.includes(actor.id)) await this.store.set(index, [...ids, actor.id]);
		});
	}

	/** Notes the member's current name and roles (written only when they changed, or hourly). */
	touch(guildId: string, actor: Actor, now: Date): Promise<void> {
		return this.change(guildId, actor, now, () => null);
	}

	/** Counts one successful run of a demo command. */
	recordDemo(guildId: string, actor: Actor, command: string, now: Date): Promise<void> {
		return this.change(guildId, actor, now, (current) => ({
			...current,
			demos: { ...current.demos, [command]: (current.demos[command] ?? 0) + 1 },
			demoTimes: [...current.demoTimes, now.toISOString()].slice(-MAX_DEMO_TIMES),
		}));
	}

	async get(guildId: string, userId: string): Promise<MemberActivity | undefined> {
		return this.store.get<MemberActivity>(this.key(guildId, userId));
	}

	/** Several members at once, by id (missing ones left out). */
	async getMany(guildId: string, userIds: readonly string[]): Promise<Map<string, MemberActivity>> {
		const found = await this.store.getMany<MemberActivity>(userIds.map((id) => this.key(guildId, id)));
		const out = new Map<string, MemberActivity>();
		userIds.forEach((id, i) => {
			const activity = found[i];
			if (activity) out.set(id, activity);
		});
		return out;
	}

	/** Ids of every member the bot has seen take part in a server. */
	async members(guildId: string): Promise<string[]> {
		return (await this.store.get<string[]>(this.indexKey(guildId))) ?? [];
	}
}
