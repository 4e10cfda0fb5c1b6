import type { Catalogue } from '../catalogue.js';
import type { ffn as en } from '../en/ffn.js';

export const ffn: Catalogue<typeof en> = {
	reply: {
		tokenLine: '{{index}} {{token}} → {{units}} · **{{strong}}**개 > {{threshold}} · 더하는 길이 {{norm}}',
		peak: '{{unit}} · {{position}}번째 {{token}}에서 {{peak}}',
		noExamples: 'ffn-top.json에 예시가 없습니다.',
		check:
			'**각 위치 자신의 숫자 {{dModel}}개만으로** float64로 다시 계산하면(층 정규화 → ×W₁ ({{dModel}}×{{dFF}}) → GELU → ×W₂ → {{dModel}}), 피드포워드 층은 위치 {{count}}개 모두에서 전체 계산의 출력과 **{{maxDiff}}** 이내로 같고(가장 큰 차이, 출력 크기는 최대 {{maxOutput}}), 은닉 유닛은 {{hiddenDiff}} 이내로 같습니다. float32 반올림 오차일 뿐, 다른 토큰에서 온 것은 없습니다.',
		repeat:
			'{{token}} 토큰이 위치 {{first}}, {{second}}에 나옵니다. 이 층에 들어올 때 두 벡터의 코사인 유사도는 **{{stream}}**, 어텐션이 문맥을 섞은 뒤 피드포워드 층의 두 입력은 **{{input}}**, 두 출력은 **{{output}}**이며, 가장 활발한 유닛 {{top}}개 중 {{shared}}개가 겹칩니다. 함수는 같고 입력이 다릅니다.',
		noRepeat:
			'이 텍스트에는 두 번 나오는 토큰이 없습니다. 한 토큰을 두 문맥에서 보려면 단어를 반복해 보세요(“the king … the king”).',
		intro:
			'각 토큰의 벡터는 같은 작은 신경망을 지납니다: {{dModel}} → 은닉 유닛 {{dFF}}개(GELU) → {{dModel}}, 그리고 잔차 스트림에 더해집니다. 토큰마다: 가장 활발한 유닛 3개(활성화 값), {{dFF}}개 중 {{threshold}}보다 큰 유닛 수, 피드포워드 층이 스트림에 더하는 벡터의 길이.',
		more: '…토큰 {{count}}개 더(모두 차트에 있습니다).',
		title_other: '피드포워드(FFN) · {{layer}} · 토큰 {{count}}개',
		checkTitle: '하나의 함수를 위치마다 따로 적용합니다',
	},
	chart: {
		title: '{{layer}}의 피드포워드 층: 토큰마다 가장 활발한 은닉 유닛',
		subtitle:
			'“{{text}}” · 은닉 유닛 {{dFF}}개 중 {{shown}}개의 GELU 뒤 활성화 값: 토큰마다 가장 활발한 3개, 처음 나온 순서대로',
		footer:
			'모든 위치에서 같은 함수가 돕니다. 한 행은 어텐션을 거친 그 토큰의 벡터에만 달려 있고, 다른 행과는 무관합니다.',
		activation: '활성화 값',
		token: '토큰',
		unit: '은닉 유닛',
		repeatTitle: '위치 {{first}}, {{second}}의 “{{token}}”: 같은 피드포워드 층, 다른 입력',
		repeatSubtitle: '{{layer}}: 두 위치 중 어느 한쪽에서 가장 활발한 유닛 {{count}}개, GELU 뒤 활성화 값',
		atPosition: '위치 {{position}}의 {{token}}',
		unitsDescription: '히트맵: 층 {{layer}}에서 토큰 {{count}}개 각각의 가장 활발한 피드포워드 은닉 유닛.',
		repeatDescription: '막대 차트: 반복된 토큰 하나의 두 위치에서 가장 활발한 피드포워드 유닛.',
	},
};
