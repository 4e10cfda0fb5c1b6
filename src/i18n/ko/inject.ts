import type { Catalogue } from '../catalogue.js';
import type { inject as en } from '../en/inject.js';

export const inject: Catalogue<typeof en> = {
	levels: {
		'1': { name: '열린 문', adds: '문지기는 비밀 단어를 알려 주지 말라는 말만 들었습니다.' },
		'2': {
			name: '지시의 우선순위',
			adds: '문지기의 규칙에 따르면 그 지시가 여러분이 쓴 어떤 글보다 우선하고, 여러분의 메시지는 태그로 감싸 신뢰할 수 없는 데이터로 표시됩니다.',
		},
		'3': {
			name: '입력 필터',
			adds: '문지기가 메시지를 보기 전에, 공격에 흔히 쓰는 단어(비밀, 암호, 무시, secret, password, ignore previous…)가 있으면 필터가 거부합니다.',
		},
		'4': {
			name: '출력 검사',
			adds: '문지기가 답한 뒤에 그 답에 비밀(대소문자, 띄어 쓰기, 거꾸로 쓰기, 첫 글자 잇기 모두)이나 지시 내용이 있는지 검사해서, 있으면 막습니다.',
		},
		'5': {
			name: '심판 모델',
			adds: '다른 검사를 통과한 답을 두 번째 모델이 모두 읽고, 어떤 형태로든 비밀을 드러내거나 암시하면 막습니다.',
		},
	},
	errors: {
		levels: '레벨은 1부터 5까지 있습니다.',
		nameLevel: '비밀을 바꿀 레벨을 정해 주세요. 예: `/inject level:1 new_secret:true`.',
		empty: '먼저 문지기에게 보낼 메시지를 적어 주세요.',
	},
	rotated: '🔁 레벨 {{level}}에 새 비밀을 정했습니다. 지금까지 뚫은 기록은 순위표에 그대로 남습니다.',
	blocked: {
		contains: '메시지에 금지어 `{{matched}}`이(가) 들어 있습니다',
		secretWord: '비밀 단어',
		instructions: '문지기의 지시 내용',
		replyContained: '답에 {{what}}이(가) 들어 있었습니다',
		undecided: '심판이 판단하지 못해서 답을 보류했습니다',
		judgeSaid: '심판의 판단: {{why}}',
		revealsSecret: '비밀을 드러냅니다',
		inputFilter: '입력 필터가',
		outputCheck: '출력 검사가',
		judge: '심판 모델이',
		line: '🛡️ {{by}} 막았습니다. {{detail}}.',
	},
	attack: {
		announcement_other: '🏆 **{{who}}** 님이 /inject 레벨 {{level}}({{name}})을 공격 {{count}}번 만에 뚫었습니다!',
		head: '**레벨 {{level}} 공격** (시도 {{attempt}}번째):',
		level: '레벨 {{level}}: {{name}}',
		gatekeeper: '**문지기:**',
		leaked: '🎉 **문지기가 비밀을 흘렸습니다!**',
		onBoard: '순위표(`/inject`)에 기록되었습니다.',
		already: '이미 뚫은 레벨입니다.',
	},
	guess: {
		wrong: '❌ 레벨 {{level}}의 비밀이 아닙니다. 계속 공격해 보세요!',
		next: ' 다음: `/inject level:{{level}}` ({{name}}).',
		last: ' 마지막 레벨이었습니다.',
		alreadyBroken: '✅ 맞습니다. 하지만 레벨 {{level}}은 이미 뚫었습니다.{{onward}}',
		correct: '✅ 정답입니다! 레벨 {{level}}을 뚫었습니다.{{onward}}',
	},
	view: {
		attack: '공격',
		guess: '비밀 맞히기',
		attackTitle: '레벨 {{level}} 공격',
		attackLabel: '문지기에게 보낼 메시지',
		guessTitle: '레벨 {{level}}의 비밀 맞히기',
		guessLabel: '비밀 단어',
		briefingTitle: '/inject 레벨 {{level}}: {{name}}',
		briefing:
			'문지기 모델이 시스템 프롬프트 뒤에 비밀 단어를 숨기고 있습니다. 비밀을 흘리게 만들어 보세요. **⚔️ 공격**을 눌러 메시지를 보내고(답은 나만 봅니다), 알아냈다 싶으면 **🔑 비밀 맞히기**를 누르세요.',
		defences: '**이 레벨의 방어**',
		footer: '3주차 · 프롬프트 인젝션 · 공격 한 번은 튜터 요청 한 번으로 셉니다',
		boardTitle: '/inject: 프롬프트 인젝션 게임',
		boardDescription: '문지기 다섯, 레벨마다 방어가 하나씩 늘어납니다. `/inject level:1`부터 시작하세요.',
		breaker_other: '{{member}} (공격 {{count}}번)',
		notBroken: '아직 아무도 못 뚫었습니다',
	},
};
