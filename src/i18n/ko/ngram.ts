import type { Catalogue } from '../catalogue.js';
import type { ngram as en } from '../en/ngram.js';

export const ngram: Catalogue<typeof en> = {
	empty: '이어 쓸 프롬프트를 주세요. 예: `/ngram prompt:The king said`.',
	models: {
		unigram: '유니그램',
		bigram: '바이그램',
		trigram: '트라이그램',
	},
	heldOut: '검증 {{nats}}나트/토큰',
	context: {
		unigram: '문맥 없음: 학습 텍스트에서 각 토큰이 얼마나 흔한지',
		tinyOne: '프롬프트의 토큰 하나, {{shown}}',
		tinyAll: '프롬프트 토큰 {{count}}개 전부(마지막: {{shown}})',
		oneToken: '프롬프트가 토큰 하나라서 바이그램의 분포를 씁니다',
		never: '{{shown}} 다음: 학습 텍스트에 없어 {{lower}} 사용',
		seen: '{{shown}} 다음: {{seen}}번 나왔고, 그 뒤에 온 토큰은 {{distinct}}가지',
	},
	chart: {
		title: '다음 토큰: n-그램 세기와 트랜스포머의 비교',
		subtitle:
			'“{{prompt}}” → 모델마다 가장 그럴듯한 다음 토큰. 검증 텍스트의 토큰당 나트가 낮을수록 처음 보는 텍스트를 더 잘 예측합니다.',
		footer:
			'tiny-gpt 학습 토큰 {{tokens}}개를 어휘 {{vocabulary}}개로 셈. 유니그램: 1 더하기 평활화. 바이그램·트라이그램: 아래 차수와 Witten–Bell 보간.',
		panel: '{{model}} (검증 {{nats}}나트/토큰): {{top}}',
		description: '다음 토큰을 보여 주는 막대그래프 네 개. {{panels}}.',
	},
	reply: {
		title: '다음 토큰: 유니그램, 바이그램, 트라이그램과 tiny-gpt',
		prompt_other: '**프롬프트** (tiny-gpt 토크나이저로 토큰 {{count}}개): {{prompt}}',
		panel: '**{{model}}** — {{context}}: {{top}}',
		heldOut: '**검증 교차 엔트로피** (모델 카드의 값으로, 모든 모델을 같은 검증 토큰으로 쟀습니다. 낮을수록 좋습니다):',
		moral:
			'문맥이 길수록 더 잘 맞힙니다. 카운트 모델은 위의 모델보다 토큰을 하나씩 더 보고, tiny-gpt는 전부 봅니다. 세어 둔 표 대신 가중치 130만 개로요.',
		footer:
			'tiny-gpt의 학습 토큰 {{tokens}}개(셰익스피어, 톨스토이)로 세었습니다. 유니그램: 1 더하기 평활화. 바이그램과 트라이그램: Witten–Bell 보간으로, 서로 다른 다음 토큰 n가지와 함께 c번 나온 문맥이면 λ = c/(c + n)이고 나머지는 한 단계 아래 모델에서 옵니다. (×) = 그 토큰이 문맥 뒤에 온 횟수.',
	},
};
