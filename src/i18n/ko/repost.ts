import type { Catalogue } from '../catalogue.js';
import type { repost as en } from '../en/repost.js';

export const repost: Catalogue<typeof en> = {
	inPlace: {
		failed:
			'{{week}}주차는 이미 게시되었지만({{link}}) 그 게시물을 고치지 못했습니다({{error}}). `/schedule post-now week:{{week}} replace:true`를 쓰면 남은 게시물과 스레드, 이벤트를 지우고 다시 게시합니다.',
		updated: '✏️ {{week}}주차는 이미 게시되어 있어 그 게시물의 내용만 새로 고쳤습니다(같은 메시지): {{link}}',
		threadKept: '스레드는 그대로 둡니다: <#{{thread}}>',
		noThread: '스레드가 없습니다.',
		eventKept: '이벤트는 그대로 둡니다(변경 없음): {{url}}',
		noEventNotMade: '이벤트가 없으며 새로 만들지도 않았습니다. 이벤트는 새로 올리는 게시물에만 만듭니다.',
		noEvent: '이벤트가 없습니다.',
		howToReplace:
			'새로 올린 것은 없습니다. 이 주차를 채널 맨 아래에 새 스레드, 새 이벤트와 함께 다시 올리려면 `replace:true`를 붙이세요. 먼저 기존 게시물과 스레드(안의 메시지 포함), 이벤트를 지웁니다.',
	},
	removed: {
		deleted: {
			thread: '🗑️ 스레드를 안의 메시지와 함께 삭제했습니다: <#{{thread}}>',
			message: '🗑️ 게시물을 삭제했습니다: {{url}}',
			event: '🗑️ 이벤트를 삭제했습니다: {{url}}',
		},
		gone: {
			thread: '🗑️ 스레드는 이미 삭제되어 있었습니다: <#{{thread}}>',
			message: '🗑️ 게시물은 이미 삭제되어 있었습니다: {{url}}',
			event: '🗑️ 이벤트는 이미 삭제되어 있었습니다: {{url}}',
		},
	},
	replaceFailed: {
		couldNotDelete: {
			thread: '{{week}}주차를 다시 게시하지 않았습니다. 스레드를 삭제하지 못했습니다({{error}}).',
			message: '{{week}}주차를 다시 게시하지 않았습니다. 게시물을 삭제하지 못했습니다({{error}}).',
			event: '{{week}}주차를 다시 게시하지 않았습니다. 이벤트를 삭제하지 못했습니다({{error}}).',
		},
		alreadyDone: '이미 처리한 것:',
		nothingDeleted: '삭제한 것은 없습니다.',
		threadPermission:
			'스레드를 삭제하려면 스레드 관리하기(Manage Threads) 권한이 필요합니다. 봇에 권한을 주거나 스레드를 직접 삭제한 뒤 다시 실행하세요.',
		byHand: '직접 삭제한 뒤 다시 실행하세요. 이미 없어진 것은 건너뜁니다.',
	},
	posted: {
		failed: '게시하지 못했습니다: {{error}}.',
		unknownError: '알 수 없는 오류',
		again: '♻️ {{week}}주차를 다시 게시하고 이전 게시물을 대신했습니다: {{url}}',
		first: '✅ {{week}}주차를 게시했습니다: {{url}}',
		newThread: '새 스레드: <#{{thread}}>',
		noThread: '스레드 없음({{reason}}).',
		notMade: '만들지 못함',
		newEvent: '새 이벤트: {{url}}',
		event: '이벤트: {{url}}',
		noEvent: '이벤트 없음({{reason}}).',
		noEventAsked: '이벤트 없음(만들려면 `event:true`를 붙이세요).',
		planUnchanged: '일정 계획은 그대로입니다. 다음 게시물은 `/schedule show`에 나온 대로 올라갑니다.',
	},
	byHand: {
		title: '✋ 직접 올린 게시물 (/schedule post-now)',
		postedAgain: '{{when}} 다시 게시함, {{earlier}}에 올린 게시물을 대신함(스레드, 이벤트와 함께 삭제)',
		posted: '{{when}} 게시함',
		line: '{{week}}주차: {{what}}: {{link}}',
		lineReplaced: '{{week}}주차: {{what}}, 이후 새 게시물로 대체됨',
		edited: '{{week}}주차: {{when}} 내용을 그 자리에서 고침: {{link}}',
		more_other: '…그 밖에 {{count}}개 더.',
	},
};
