import type { Catalogue } from '../catalogue.js';
import type { tokenize as en } from '../en/tokenize.js';

export const tokenize: Catalogue<typeof en> = {
	errors: {
		unknownFamily_other: '모르는 토크나이저입니다: {{names}}. 다음 중에서 고르세요: {{families}}.',
		tooMany:
			'compare는 한 차트에 토크나이저를 {{max}}개까지 쌓습니다. 지금 {{count}}개를 적었습니다. 전부 보려면 encoding:all을 쓰세요.',
		tooLong: '텍스트가 {{characters}}자입니다. /tokenize는 {{max}}자까지 받습니다. 더 짧게 잘라서 보내 주세요.',
	},
	chart: {
		stripHeading_other: '{{model}} · {{name}} · 토큰 {{n}}개',
		spans:
			'칸 하나가 토큰 하나이고, 그 아래 숫자가 토큰 ID입니다. ⋅는 공백, ↵는 줄바꿈, →는 탭, [이름]은 보이지 않는 문자입니다.',
		hex: '16진수: 토큰의 UTF-8 바이트입니다.',
		partial: '�는 문자의 일부입니다. show:bytes로 그 바이트를 볼 수 있습니다.',
		compareTitle2: '같은 텍스트, 토크나이저 두 개',
		compareTitle3: '같은 텍스트, 토크나이저 세 개',
		compareTitle4: '같은 텍스트, 토크나이저 네 개',
		compareTitle: '같은 텍스트, 토크나이저 {{count}}개',
		title: '{{model}} 토크나이저가 텍스트를 토큰으로 나누는 방식',
		claudeLabel: 'Claude (이전 모델용)',
	},
	reply: {
		title: '토큰: {{model}} ({{encoding}})',
		compareTitle: '토큰 비교: {{models}}',
		countLine_other: '**{{model}}** · {{encoding}}: **토큰 {{n}}개**, 토큰당 {{perToken}}자',
		same: '이 텍스트에서는 토크나이저 {{count}}개 모두 토큰 수가 같습니다.',
		ratio:
			'이 텍스트를 {{most}} 토크나이저로 나누면 {{fewest}}보다 토큰이 **{{ratio}}배** 많습니다. 모델은 토큰마다 비용을 치르므로 돈도, 컨텍스트 윈도우도 그만큼 더 씁니다.',
		size: '{{characters}}자(유니코드 코드 포인트), UTF-8로 {{bytes}}바이트',
		cut: '차트에는 {{model}} 토큰 {{total}}개 가운데 처음 {{drawn}}개만 그렸습니다({{rest}}개는 생략). 토큰 수는 전부 센 값입니다.',
		surrogates_other:
			'짝 없는 서로게이트 {{n}}개(이모지 UTF-16 쌍의 절반)를 토큰화하기 전에 U+FFFD(�)로 바꿨습니다. tiktoken도 그렇게 합니다.',
		partial: '�로 그려진 토큰은 문자의 일부만 담고 있습니다. `show:bytes`로 그 UTF-8 바이트를 볼 수 있습니다.',
		idsCut: '토큰 ID {{total}}개 중 처음 {{shown}}개입니다. 전체는 {{file}} 파일에 있습니다',
		idsField: '{{model}} 토큰 ID',
		idsFile: '이 텍스트의 {{model}} 토큰 ID 전체, 한 줄에 하나씩({{n}}개).',
		alt: '토큰 차트: 텍스트의 각 토큰을 색칠한 칸과 그 ID로 보여 줍니다. {{counts}}.',
		altCount: '{{model}}({{encoding}}) 토큰 {{n}}개',
	},
	families: {
		title: '토큰: 모든 모델 계열',
		summary: '{{characters}}자. {{most}} 토크나이저로는 {{fewest}}보다 토큰이 **{{ratio}}배** 많습니다.',
		claudeModels:
			'Anthropic이 이전 모델(Claude 3 이전)용으로 SDK와 함께 공개한 토크나이저입니다. 최신 Claude 모델의 토크나이저는 공개되지 않았습니다',
		mistralModels:
			'Mistral NeMo, Mistral Large 2(Tekken, 2024-07-18). Mistral 7B와 Mixtral은 그보다 오래된 SentencePiece 토크나이저를 씁니다',
		alt: '토큰 수 막대 차트: {{counts}}.',
		chartTitle: '같은 텍스트, 모든 토크나이저: 토큰은 몇 개?',
		chartFooter:
			'토큰이 적을수록 비용이 싸고 컨텍스트에 텍스트가 더 많이 들어갑니다. claude는 Anthropic이 이전 모델용으로 공개한 토크나이저입니다.',
		category: '{{family}} · 토큰당 {{perToken}}자',
		series: '토큰 수',
	},
};
