import type { Catalogue } from '../catalogue.js';
import type { core as en } from '../en/core.js';

export const core: Catalogue<typeof en> = {
	args: {
		noSubcommand: '/{{command}}에는 {{subcommand}} 하위 명령이 없습니다.',
		needsSubcommand: '/{{command}}에는 하위 명령이 필요합니다: {{names}} 중 하나를 고르세요.',
		unknownOption: '/{{command}}에는 {{option}} 옵션이 없습니다.',
		required: '{{option}} 값을 입력해야 합니다.',
		text: '{{option}} 값은 텍스트여야 합니다.',
		minLength: '{{option}} 값은 {{min}}자 이상이어야 합니다.',
		maxLength: '{{option}} 값은 {{max}}자 이하여야 합니다.',
		number: '{{option}} 값은 숫자여야 합니다.',
		integer: '{{option}} 값은 정수여야 합니다.',
		min: '{{option}} 값은 {{min}} 이상이어야 합니다.',
		max: '{{option}} 값은 {{max}} 이하여야 합니다.',
		boolean: '{{option}} 값은 true 또는 false여야 합니다.',
		choice: '{{option}} 값은 {{allowed}} 중 하나여야 합니다.',
	},
	forbidden: {
		organizer: '{{what}}: 운영진만 할 수 있습니다. 서버 관리 권한{{role}}이 필요합니다.',
		organizerRole: ' 또는 {{role}} 역할',
		presenterNoRole:
			'{{what}}: 발표자만 할 수 있습니다. 이 서버에는 아직 발표자 역할이 없어 지금은 운영진만 할 수 있습니다. {{organizers}}에게 `/settings roles presenter_role:`로 발표자 역할을 정해 받거나, 운영진이 직접 하도록 요청하세요.',
		presenter: '{{what}}: 발표자만 할 수 있습니다. {{organizers}}에게 {{role}} 역할을 요청하세요.',
		organizersWithRole: '운영진(서버 관리 권한 또는 {{role}} 역할이 있는 멤버)',
		organizers: '운영진(서버 관리 권한이 있는 멤버)',
		guildOnly: '이 명령은 DM이 아니라 서버에서만 쓸 수 있습니다.',
	},
	actions: {
		presentSession: '세션 발표',
		runLiveQuiz: '라이브 퀴즈 진행',
		endLiveQuiz: '라이브 퀴즈 종료',
		changeSettings: '설정 변경',
		manageSchedule: '일정 관리',
		downloadReport: '그룹 보고서 받기',
		replaceSecret: '레벨 비밀 바꾸기',
	},
	stale: {
		component: '더 이상 지원하지 않는 버튼입니다. 명령을 다시 실행하세요.',
		modal: '더 이상 지원하지 않는 양식입니다. 명령을 다시 실행하세요.',
		command: '이 봇에는 이제 /{{command}} 명령이 없습니다.',
	},
	busy: '지금 봇이 바쁩니다. 몇 초 뒤에 다시 해 보세요.',
	stillRunning: '조금 전에 보낸 {{command}} 요청이 아직 실행 중입니다. 그 답이 먼저 나온 뒤에 다시 해 보세요.',
	queued: {
		wait_other:
			'⏳ {{command}} 요청이 앞선 실행 {{count}}개 뒤에서 기다리고 있습니다. 약 {{seconds}}초 걸립니다. 차례가 되면 저절로 시작되니 다시 보내지 않아도 됩니다.',
		noEstimate_other:
			'⏳ {{command}} 요청이 앞선 실행 {{count}}개 뒤에서 기다리고 있습니다. 차례가 되면 저절로 시작되니 다시 보내지 않아도 됩니다.',
	},
	storeUnavailable:
		'지금 봇이 저장소에 연결할 수 없어서 아무것도 읽거나 저장하지 못했습니다. 1분쯤 뒤에 다시 해 보세요.',
	channel: {
		unseen: '그 채널이 보이지 않거나 텍스트 채널이 아닙니다.',
		noPermissions: '{{channel}}에서 제 권한을 읽을 수 없습니다.',
		missing: '{{channel}}에서 다음 권한이 없습니다: {{permissions}}.',
		permissionNames: {
			viewChannel: '채널 보기',
			sendMessages: '메시지 보내기',
			embedLinks: '링크 첨부',
			attachFiles: '파일 첨부',
			createPublicThreads: '공개 스레드 만들기',
			sendMessagesInThreads: '스레드에서 메시지 보내기',
		},
	},
};
