import type { Store } from '../store.js';
import { CheckInRepository } from './checkins.js';
import { GuildSettingsRepository } from './guild-settings.js';
import { InjectGameRepository } from './inject-game.js';
import { LiveQuizRepository } from './live-quizzes.js';
import { LlmQuotaRepository } from './llm-quota.js';
import { MemberActivityRepository } from './member-activity.js';
import { PracticeSessionRepository } from './practice-sessions.js';
import { PresentationRepository } from './presentations.js';
import { AnswerRepository } from './quiz-answers.js';
import { ReviewRepository } from './quiz-reviews.js';
import { RerunRequestRepository } from './rerun-requests.js';
import { ScheduleLedgerRepository } from './schedule-ledger.js';
import { ScheduleRepository } from './schedules.js';
import { SessionEvaluationRepository } from './session-evaluations.js';
import { TutorConversationRepository } from './tutor-conversations.js';
import { TutorSessionRepository } from './tutor-sessions.js';
import { TutorSettingsRepository } from './tutor-settings.js';

/** Every repository, built over one store. Features add theirs here. */
export interface Repositories {
	settings: GuildSettingsRepository;
	/** Weekly post schedules, and the ledger of posts made (so a restart never posts twice). */
	schedules: ScheduleRepository;
	scheduleLedger: ScheduleLedgerRepository;
	/** The AI tutor's on/off switch per server. */
	tutorSettings: TutorSettingsRepository;
	llmQuota: LlmQuotaRepository;
	tutorConversations: TutorConversationRepository;
	tutorSessions: TutorSessionRepository;
	/** Five-dimension session evaluations, for /progress. */
	sessionEvaluations: SessionEvaluationRepository;
	injectGame: InjectGameRepository;
	/** Quiz answers per member (practice, review, live): the source of progress and leaderboards. */
	answers: AnswerRepository;
	/** Member names and roles as last seen, and demo-command runs, for progress cards and leaderboards. */
	memberActivity: MemberActivityRepository;
	practiceSessions: PracticeSessionRepository;
	liveQuizzes: LiveQuizRepository;
	/** Spaced-repetition schedules (/review). */
	reviews: ReviewRepository;
	checkIns: CheckInRepository;
	/** Presenters' walks through a week's session (/present). */
	presentations: PresentationRepository;
	/** The options behind "Run again with…" buttons that do not fit in the button's id. */
	rerunRequests: RerunRequestRepository;
}

export function createRepositories(store: Store): Repositories {
	return {
		settings: new GuildSettingsRepository(store),
		schedules: new ScheduleRepository(store),
		scheduleLedger: new ScheduleLedgerRepository(store),
		tutorSettings: new TutorSettingsRepository(store),
		llmQuota: new LlmQuotaRepository(store),
		tutorConversations: new TutorConversationRepository(store),
		tutorSessions: new TutorSessionRepository(store),
		sessionEvaluations: new SessionEvaluationRepository(store),
		injectGame: new InjectGameRepository(store),
		answers: new AnswerRepository(store),
		memberActivity: new MemberActivityRepository(store),
		practiceSessions: new PracticeSessionRepository(store),
		liveQuizzes: new LiveQuizRepository(store),
		reviews: new ReviewRepository(store),
		checkIns: new CheckInRepository(store),
		presentations: new PresentationRepository(store),
		rerunRequests: new RerunRequestRepository(store),
	};
}
