import type { Catalogue } from '../catalogue.js';
import type { chat as en } from '../en/chat.js';

export const chat: Catalogue<typeof en> = {
	defaultSystem: '당신은 친절하게 돕는 어시스턴트입니다.',
	chart: {
		title: '대화가 토큰이 되는 과정',
		subtitle: '시스템: “{{system}}” · 사용자: “{{user}}”',
		heading: '{{family}} · 토큰 {{tokens}}개, 특수 토큰 {{special}}개',
		footer:
			'각 줄: 모델 계열의 채팅 형식에 시스템 메시지와 사용자 메시지를 넣고 답변의 시작을 붙인 결과입니다. ' +
			'어두운 칸의 노란 글자는 토크나이저의 특수 토큰입니다. ⋅는 공백, ↵는 줄바꿈입니다.',
	},
	reply: {
		title: '채팅 템플릿: 시스템 + 사용자 메시지를 토큰으로',
		count: '**{{family}}**: **토큰 {{tokens}}개**, 특수 토큰 {{special}}개 — {{source}}',
		sourceConfig: '{{package}}의 tokenizer_config.json에 있는 `chat_template`',
		sourceChatml:
			'OpenAI의 chatml.md가 채팅 모델용으로 설명한 ChatML(`<|im_start|>` 100264, `<|im_end|>` 100265는 tiktoken README 기준)입니다. GPT-4의 정확한 형식은 공개되지 않았습니다',
		sourceLegacyText:
			'공개된 토크나이저에는 채팅 템플릿이 없습니다. 이것은 Anthropic의 레거시 Text Completions 텍스트 형식(`Human:`과 `Assistant:` 차례)이며 특수 토큰이 전혀 없습니다. Messages API의 형식은 공개되지 않았습니다',
		noneUnpublished: '{{family}}: OpenAI가 채팅 형식을 공개하지 않았습니다',
		noneNotChat: '{{family}}: 채팅 모델이 아니어서 채팅 형식이 없습니다',
		noneNoTemplate: '{{family}}: {{package}}에는 특수 토큰(`[INST]`, `[/INST]`)만 있고 채팅 템플릿은 없습니다',
		cut: '차트에는 {{family}} 토큰 {{tokens}}개 중 처음 {{drawn}}개만 그렸습니다. 개수는 전부를 센 것입니다.',
		deepseekMarkers:
			'deepseek-v3의 tokenizer.json은 `<｜User｜>`와 `<｜Assistant｜>`를 통째로 추가했지만 특수 토큰 표시는 하지 않았습니다. 각각 토큰 하나이며 보통 토큰으로 그렸습니다.',
		userInside:
			'메시지에 특수 토큰의 글자를 그대로 쓰면 이 토크나이저들 대부분이 그것을 특수 토큰으로 읽습니다. 채팅 형식 인젝션의 뿌리입니다.',
		pick: '`encoding:compare families:…`로 네 개까지 고를 수 있습니다. 채팅 형식이 있는 계열: {{families}}.',
		alt: '각 모델 계열의 채팅 형식으로 만든 시스템·사용자 메시지의 토큰 띠, 특수 토큰은 어둡게 표시: {{counts}}.',
	},
	errors: {
		noTemplate: '{{families}} 중 채팅 형식이 있는 것이 없습니다. 다음 중에서 고르세요: {{available}}.',
	},
};
