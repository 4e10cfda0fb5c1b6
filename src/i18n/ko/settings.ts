import type { Catalogue } from '../catalogue.js';
import type { settings as en } from '../en/settings.js';

export const settings: Catalogue<typeof en> = {
	show: {
		organizerRole: '**운영진 역할:** {{value}}',
		organizerRoleNone: '없음 (서버 관리 권한이 있는 멤버가 운영진입니다)',
		presenterRole: '**발표자 역할:** {{value}}',
		presenterRoleNone: '없음 (운영진만 발표합니다)',
		leaderboard: '**순위표의 운영진:** {{value}}',
		leftOut: '제외',
		included: '포함',
		tutor: '**AI 튜터 (/ask, /session, /inject):** {{value}}',
		tutorOn: '켜짐',
		tutorOff: '꺼짐',
		tutorNotSetUp: '준비 안 됨: 이 봇에는 아직 언어 모델이 없습니다. {{hint}}',
		tutorNotSetUpAndOff: '준비 안 됨: 이 봇에는 아직 언어 모델이 없습니다 (이 서버에서는 꺼져 있기도 합니다). {{hint}}',
		operatorHint:
			'봇 운영자가 `OPENAI_API_KEY`를 설정하고 (OpenAI가 아닌 서버라면 `OPENAI_BASE_URL`과 `OPENAI_MODEL`도, `.env.example` 참고) 봇을 다시 시작하면 됩니다.',
		language: '**공개 게시물의 언어:** {{value}}',
		languageChosen: '{{language}}',
		languageFollowsServer: '서버의 Discord 언어를 따름 (지금은 {{language}})',
	},
	languages: { en: '영어', ko: '한국어' },
	saved: '✅ 저장했습니다.',
};
