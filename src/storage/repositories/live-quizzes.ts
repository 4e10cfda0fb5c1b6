import type { Language } from '../../i18n/language.js';
import type { Store } from '../store.js';
import { GuildRecords } from './guild-records.js';

/** One question of a live quiz as it was posted. */
export interface LiveQuestionState {
	questionId: string;
	/** The channel message with the answer buttons (null until posted). */
	messageId: string | null;
	/** ISO instants: answers count from `openedAt` and are refused from `closesAt` on. */
	openedAt: string;
	closesAt: string;
	/** The message with the answer spread (null until the question closed). */
	resultsMessageId: string | null;
	/** Numeric questions: the answer computed when the question opened (so 50 answers do not recompute it). */
	computed?: { value: number; shown: string; working: string[] };
}

/**
 * A live quiz in a channel. The runner (src/quiz/live-runner.ts) acts at `dueAt`: in the `question` phase it closes
 * question `index` and posts its results; in the `break` phase it posts the next question. Everything lives here,
 * so a restarted bot picks the quiz up where it stood.
 */
export interface LiveQuiz {
	id: string;
	guildId: string;
	channelId: string;
	hostId: string;
	week: number;
	/** Seconds each question stays open. */
	seconds: number;
	/** Seconds between a question's results and the next question. */
	breakSeconds: number;
	questionIds: string[];
	/** Seeds the option order, the same for everyone in the channel. */
	seed: number;
	phase: 'question' | 'break' | 'finished';
	index: number;
	/** When the runner acts next; null once finished. */
	dueAt: string | null;
	questions: LiveQuestionState[];
	startedAt: string;
	finishedAt: string | null;
	/** Set when the quiz ended before its last question (the host stopped it). */
	stoppedBy: string | null;
	leaderboardMessageId: string | null;
	/** Failed runner steps in a row (posting refused, store down); the quiz is abandoned after a few. */
	failures: number;
	/**
	 * The language its posts are written in: the server's when it started (absent on quizzes saved before languages;
	 * they follow the server's setting), so a quiz does not change language halfway.
	 */
	language?: Language;
}

/** One member's answer to one live question. */
export interface LiveAnswer {
	userId: string;
	name: string;
	/** The member's roles and permission bitfield (decimal) when they answered, for their profile. */
	roles: string[];
	permissions: string;
	/** Multiple choice: the original index of the option chosen. */
	choice?: number;
	/** Numeric: the value typed. */
	value?: number;
	correct: boolean;
	points: number;
	/** From the question's posting to the answer. */
	responseMs: number;
	at: string;
}

export type LiveAnswerOutcome =
	| { status: 'recorded'; answer: LiveAnswer }
	| { status: 'duplicate'; answer: LiveAnswer | undefined }
	| { status: 'refused'; reason: string };

/** A reference to a quiz the runner still has to drive. */
export interface RunningQuiz {
	guildId: string;
	quizId: string;
}

/** Quizzes and their answers are kept this long (buttons on older quizzes say the quiz is over). */
export const LIVE_TTL_MS = 90 * 24 * 60 * 60_000;
const RUNNING_KEY = 'live-quizzes:running';

/**
 * Live quizzes. Each answer has its own key; the list of who answered a question is an index updated under the
 * process lock, together with the "still open?" check, so 50 members answering in the same second are each
 * counted once, and the results (read under the same lock after closing) see every answer that was acknowledged.
 */
export class LiveQuizRepository extends GuildRecords<LiveQuiz> {
	constructor(store: Store) {
		super(store, 'live', LIVE_TTL_MS);
	}

	private indexKey(guildId: string, id: string, index: number): string {
		return `guild:${guildId}:live:${id}:${index}`;
	}
	private answerKey(guildId: string, id: string, index: number, userId: string): string {
		return `guild:${guildId}:live:${id}:${index}:${userId}`;
	}

	/** Saves a new quiz and adds it to the quizzes the runner drives. */
	override async create(quiz: Omit<LiveQuiz, 'id'>): Promise<LiveQuiz> {
		const saved = await super.create(quiz);
		await this.store.exclusive(RUNNING_KEY, async () => {
			const running = (await this.store.get<RunningQuiz[]>(RUNNING_KEY)) ?? [];
			await this.store.set(RUNNING_KEY, [...running, { guildId: saved.guildId, quizId: saved.id }]);
		});
		return saved;
	}

	/**
	 * Records a member's answer to question `index` once. `refusal` runs under the question's lock just before the
	 * write and returns why the answer cannot count (the time is up), or null; `build` makes the answer to store.
	 */
	async answer(
		guildId: string,
		quizId: string,
		index: number,
		userId: string,
		refusal: () => string | null,
		build: () => LiveAnswer,
	): Promise<LiveAnswerOutcome> {
		const indexKey = this.indexKey(guildId, quizId, index);
		const answerKey = this.answerKey(guildId, quizId, index, userId);
		// One member's clicks are serialised (one answer each); different members only meet in the index write below.
		return this.store.exclusive(answerKey, async () => {
			const existing = await this.store.get<LiveAnswer>(answerKey);
			if (existing) {
				// A crash between the answer and the index write leaves it out of the index: put it back (idempotent).
				await this.addToIndex(indexKey, userId);
				return { status: 'duplicate', answer: existing };
			}
			const reason = refusal();
			if (reason) return { status: 'refused', reason };
			const answer = build();
			await this.store.set(answerKey, answer, LIVE_TTL_MS);
			await this.addToIndex(indexKey, userId);
			return { status: 'recorded', answer };
		});
	}

	private readonly indexBatches = new Map<string, { users: Set<string>; written: Promise<void> }>();

	/**
	 * Adds a member to a question's list of answerers and resolves once that is on disk. Members who answer while a
	 * write is under way share the next write (group commit): 50 answers in a second cost a few writes, not 50
	 * read-modify-writes in a row, and none is acknowledged before it is recorded.
	 */
	private addToIndex(indexKey: string, userId: string): Promise<void> {
		let batch = this.indexBatches.get(indexKey);
		if (!batch) {
			const users = new Set<string>();
			const written = this.store.exclusive(indexKey, async () => {
				// From here on, new members join the next batch.
				this.indexBatches.delete(indexKey);
				const who = (await this.store.get<string[]>(indexKey)) ?? [];
				const added = [...users].filter((u) => !who.includes(u));
				if (added.length > 0) await this.store.set(indexKey, [...who, ...added], LIVE_TTL_MS);
			});
			batch = { users, written };
			this.indexBatches.set(indexKey, batch);
		}
		batch.users.add(userId);
		return batch.written;
	}

	/** A member's answer to a question, if any. */
	async answerOf(guildId: string, quizId: string, index: number, userId: string): Promise<LiveAnswer | undefined> {
		return this.store.get<LiveAnswer>(this.answerKey(guildId, quizId, index, userId));
	}

	/** Every answer to a question, in the order they were recorded (read under the question's lock). */
	async answers(guildId: string, quizId: string, index: number): Promise<LiveAnswer[]> {
		const indexKey = this.indexKey(guildId, quizId, index);
		return this.store.exclusive(indexKey, async () => {
			const who = (await this.store.get<string[]>(indexKey)) ?? [];
			const found = await this.store.getMany<LiveAnswer>(
				who.map((userId) => this.answerKey(guildId, quizId, index, userId)),
			);
			return found.filter((a): a is LiveAnswer => a !== undefined);
		});
	}

	/** The quizzes not finished yet, in every server (the runner's work list). */
	async running(): Promise<RunningQuiz[]> {
		return (await this.store.get<RunningQuiz[]>(RUNNING_KEY)) ?? [];
	}

	/** Takes a quiz off the runner's list (it finished, or its record is gone). */
	async stopRunning(guildId: string, quizId: string): Promise<void> {
		await this.store.exclusive(RUNNING_KEY, async () => {
			const running = (await this.store.get<RunningQuiz[]>(RUNNING_KEY)) ?? [];
			const rest = running.filter((r) => !(r.guildId === guildId && r.quizId === quizId));
			if (rest.length !== running.length) await this.store.set(RUNNING_KEY, rest);
		});
	}
}
