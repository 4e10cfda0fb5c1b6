import type { Catalogue } from '../catalogue.js';
import type { rerun as en } from '../en/rerun.js';

export const rerun: Catalogue<typeof en> = {
	// The name /present's steps and notes give the button (present.rerunLabel).
	button: '다른 값으로 다시 실행',
	form: {
		title: '{{command}} 다시 실행',
		titleShort: '데모 다시 실행',
		chooseOne: '하나를 고르세요',
		theDefault: '기본값',
		yes: '예',
		no: '아니요',
		more: '기타 옵션 (한 줄에 하나씩, 이름: 값)',
		text: '텍스트',
		wholeNumber: '정수',
		number: '숫자',
	},
	error: {
		unknownCommand: '이 봇에는 {{command}} 명령이 (더 이상) 없어서 여기서 실행할 수 없습니다.',
		permission: '{{command}} 명령을 쓸 권한이 없습니다.',
		guildOnly: '{{command}} 명령은 서버에서만 쓸 수 있고 개인 메시지에서는 쓸 수 없습니다.',
		modal: '{{command}} 명령은 입력 창을 여는 명령이라 여기서 실행할 수 없습니다. 명령을 직접 입력하세요.',
		malformed: '더 이상 지원하지 않는 버튼입니다. 명령을 다시 실행하세요.',
		expired: '만료된 버튼입니다. 다시 실행하려면 명령을 직접 입력하세요.',
		nothing: '{{command}} 명령에는 여기서 바꿀 옵션이 없습니다. 다시 실행하려면 명령을 직접 입력하세요.',
		notAnOption:
			'“{{line}}” 줄은 {{command}}의 기타 옵션이 아닙니다. 한 줄에 `이름: 값`을 하나씩 쓰고, 이름은 {{names}} 중에서 고르세요.',
	},
	editAgain: '고쳐서 다시 시도',
	kept: '입력한 내용은 그대로 남아 있습니다. **{{label}}** 버튼을 눌러 고치세요.',
	summary: {
		ran: '🔁 **{{who}}** 님이 {{command}} 명령을 다시 실행했습니다: {{changes}}',
		ranSame: '🔁 **{{who}}** 님이 {{command}} 명령을 같은 옵션으로 다시 실행했습니다',
		set: '{{name}} 새로 지정: {{value}}',
		back: '{{name}} 기본값으로 되돌림',
		changed: '{{name}} 변경({{value}})',
		characters_other: '{{n}}자',
	},
};
