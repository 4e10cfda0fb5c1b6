import type { Catalogue } from '../catalogue.js';
import type { session as en } from '../en/session.js';

export const session: Catalogue<typeof en> = {
	errors: {
		noWeek: '{{week}}주차는 없습니다.',
		unknownLanguage: '“{{language}}”은(는) 모르는 언어입니다. 목록에서 골라 주세요.',
		cannotPost: '여기에는 세션 스레드를 열 수 없습니다. {{reason}}',
		thread:
			'여기에는 세션 스레드를 열지 못했습니다(스레드 안이거나 권한이 없습니다). 일반 텍스트 채널에서 /session을 실행해 보세요.',
		lastPoint: '마지막 지식 포인트였습니다. 평가를 받으려면 🏁 마치기를 누르고, 복습하려면 메뉴에서 포인트를 고르세요.',
		notStarted: '먼저 ▶️ 시작을 누르세요. 답은 지식 포인트마다 받습니다.',
		empty: '먼저 답이나 질문을 적어 주세요.',
		expired: '이 세션은 만료되었습니다. /session으로 새로 시작해 주세요.',
		notYours: '{{owner}} 님의 세션입니다. `/session week:{{week}}`로 자신의 세션을 시작하세요.',
		finished: '이 세션은 끝났고 평가도 마쳤습니다. 다시 하려면 /session으로 새로 시작하세요.',
		weekGone: '이 세션의 주차가 더 이상 커리큘럼에 없습니다. /session으로 새로 시작해 주세요.',
		kpCount: '{{week}}주차의 지식 포인트는 {{count}}개입니다.',
		formGone: '이 양식의 지식 포인트가 더 이상 없습니다. 메뉴에서 포인트를 골라 주세요.',
		nothing:
			'마치기 전에 지식 포인트 질문에 한 번 이상 답해 주세요(✍️ 답하거나 묻기). 평가는 여러분이 쓴 글을 바탕으로 합니다.',
		malformed: '평가 결과를 읽을 수 없어서 아무것도 기록하지 않았습니다. 🏁 마치기를 다시 눌러 주세요.',
	},
	start: {
		starter: '📚 **{{who}}** 님이 {{week}}주차를 공부합니다: {{title}}.',
		threadName: '{{week}}주차 · {{who}}',
		ready: '{{week}}주차 세션이 <#{{thread}}>에 준비되었습니다.',
	},
	step: {
		point: '포인트 {{point}}/{{total}}',
		header: '**지식 포인트 {{point}}/{{total}}: {{title}}**',
		memberHeader: '**{{who}}** 님(포인트 {{point}}):',
		evaluating: '🏁 세션을 평가하는 중입니다…',
		finished: '🏁 {{member}} 님이 {{week}}주차를 마쳤습니다.',
	},
	view: {
		answer: '답하거나 묻기',
		start: '시작',
		next: '다음 포인트',
		progress: '진행 상황',
		finish: '마치기',
		goto: '지식 포인트로 이동…',
		tier: '단계: {{tier}}',
		welcome: '📚 **{{week}}주차: {{title}}** — {{member}} 님의 세션',
		settings: '단계: {{tier}} · 언어: {{language}}',
		points: '**지식 포인트**',
		howTo:
			'**▶️ 시작**을 누르세요. 포인트마다 마지막에 질문이 나옵니다. **✍️ 답하거나 묻기**로 답하거나 직접 질문하세요. 이 스레드에 입력한 메시지는 제가 읽을 수 없어서 답은 양식으로 받습니다. 메뉴로 이동하고, 단계는 언제든 바꿀 수 있으며, **📊 진행 상황**을 볼 수 있습니다. 다섯 가지 차원의 평가를 받으려면 **🏁 마치기**를 누르세요.',
		modalTitle: '포인트 {{point}}: {{title}}',
		answerLabel: '답 또는 질문',
	},
	progress: {
		here: ' ← 지금 여기',
		title: '**{{week}}주차 진행 상황: {{title}}**',
		summary: '포인트 {{total}}개 중 {{visited}}개를 열었고 {{answered}}개에 답했습니다 · 단계: {{tier}}',
		legend: '-# ✍️ 답함 · 👀 열어 봄 · ⬜ 아직',
	},
	evaluation: {
		title: '{{week}}주차 세션 평가 — {{member}}',
		total: '**총점: {{total}}/{{max}}** · {{mastery}}',
		points: '지식 포인트: {{total}}개 중 {{visited}}개 열어 봄, {{answered}}개 답함',
		strengths: '잘한 점',
		improvements: '더 나아질 점',
		nextSteps: '다음 단계',
		footer: '진행 상황에 기록했습니다 · LLM4LLM 다섯 가지 차원 평가, 차원마다 {{min}}–{{max}}점 · {{model}}',
	},
};
