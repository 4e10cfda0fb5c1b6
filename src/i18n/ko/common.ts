import type { Catalogue } from '../catalogue.js';
import type { common as en } from '../en/common.js';

export const common: Catalogue<typeof en> = {
	errors: {
		unexpected:
			'죄송합니다. 봇 쪽에서 문제가 생겼습니다. 계속 같은 일이 생기면 운영진에게 참조 번호 `{{reference}}`를 알려 주세요.',
		rateLimited: '짧은 시간에 /{{command}}를 많이 실행했습니다. {{seconds}}초 뒤에 다시 해 보세요.',
	},
};
