import type { Catalogue } from '../catalogue.js';
import type { positions as en } from '../en/positions.js';

export const positions: Catalogue<typeof en> = {
	errors: {
		oddDims:
			'`dims`는 짝수여야 합니다. 주파수 하나가 사인과 코사인, 두 차원을 쓰기 때문입니다({{below}} 또는 {{above}}로 해 보세요).',
	},
	reply: {
		staysAbove: '거리 {{distance}}까지 0.5 위에 머뭅니다',
		fallsBelow: '거리 **{{distance}}**에서 0.5 아래로 내려갑니다',
		moreAlike: '이웃한 위치의 평균({{neighbour}})보다 **더** 비슷합니다',
		lessAlike: '이웃한 위치의 평균({{neighbour}})보다 덜 비슷합니다',
		lookalike:
			'{{farApart}} 이상 떨어진 쌍 중 가장 비슷한 쌍: 위치 **{{q}}**, **{{p}}**(거리 {{distance}}), 코사인 유사도 **{{value}}**로 {{than}}.',
		onePair: '쌍이 하나뿐이며, **{{fastest}}** 위치마다 반복됩니다',
		pairs: '0번 쌍은 **{{fastest}}** 위치마다, {{last}}번 쌍은 **{{slowest}}** 위치마다 반복됩니다',
		sinusoidal:
			'**사인파 위치 인코딩**, 위치 {{length}}개 × {{dims}}차원: i번 쌍은 ωᵢ = 1/10000^(2i/{{dims}})의 속도로 돕니다. {{pairs}}.',
		lengths:
			'모든 행의 길이는 √(d/2) = **{{norm}}**이므로 내적은 d/2 × 코사인 유사도이고, 거리에만 달려 있습니다. 이웃한 위치의 내적은 **{{dot}}**(코사인 **{{cosine}}**)입니다. 평균 코사인 유사도는 {{falloff}}.',
		lineUp: ' 차원이 적으면 파동이 다시 겹칩니다. 차원이 많을수록 먼 위치끼리 잘 구별됩니다.',
		learnt:
			'**학습된 표** (우리 tiny-gpt의 위치 임베딩 표, 위치 {{context}}개 × {{dModel}}, 앞의 {{positions}}개를 비교): 길이는 **{{min}}**(위치 {{minAt}})부터 **{{max}}**(위치 {{maxAt}})까지, 평균 {{mean}}입니다.',
		learntNeighbours: '이웃한 위치의 평균 코사인 유사도는 **{{neighbour}}**이고, 평균 코사인 유사도는 {{falloff}}.',
		tableEnds:
			'표는 위치 {{last}}에서 끝납니다. 모델이 토큰 {{context}}개 단위로 학습해서 그 뒤 위치의 벡터가 없습니다. 공식에는 이런 끝이 없습니다.',
		allSame: '모두 **{{value}}**',
		range: '**{{from}}**부터 **{{to}}**까지',
		distanceOnly:
			'• **거리만 보느냐, 위치마다 따로냐:** 이웃한 쌍의 코사인 유사도는 {{sinusoidal}}(사인파), {{learnt}}(학습)입니다. 사인파의 유사도는 p − q만의 함수라서 히트맵의 대각선마다 색이 하나입니다.',
		normsDiffer: '• **길이:** 사인파의 행은 모두 길이가 {{norm}}이고, 학습된 행은 {{min}}에서 {{max}} 사이입니다.',
		neighbours:
			'• **이웃:** 평균 코사인 유사도 {{sinusoidal}}(사인파, d = {{dims}}) 대 {{learnt}}(학습, d = {{dModel}}).',
		reach: '• **범위:** 공식은 어느 위치든 벡터를 만들지만, 학습된 표는 {{context}}에서 멈춥니다.',
		title: '위치: 사인파 인코딩(d = {{dims}})과 우리 모델이 학습한 표',
		differs: '무엇이 다른가',
	},
	chart: {
		sinusoidalTitle: '사인파 위치 인코딩: 위치 {{length}}개 × {{dims}}차원',
		sinusoidalSubtitle:
			'PE(pos, 2i) = sin(pos / 10000^(2i/{{dims}})), PE(pos, 2i+1) = cos(…). 모든 행의 길이는 √(d/2) = {{norm}}이고, PE(p)·PE(q) = Σᵢ cos(ωᵢ·(p − q))는 거리 p − q에만 달려 있습니다.',
		sinusoidalFooter:
			'0번 쌍(첫 두 열)은 {{fastest}} 위치마다, {{last}}번 쌍(마지막 두 열)은 {{slowest}} 위치마다 반복됩니다. 가까운 행끼리는 느린 열을 공유하므로 내적이 큽니다.',
		encodingPanel: 'PE: 행 = 위치, 열 = 차원',
		dotPanel: '내적 PE(p)·PE(q) (최댓값 {{max}} = d/2)',
		position: '위치',
		dimension: '차원',
		value: '값',
		positionP: '위치 p',
		positionQ: '위치 q',
		dot: '내적',
		cosine: '코사인',
		cutAfter: '위치 {{rows}}개 전부(그 뒤는 모델에 없음)',
		cutAll: '위치 {{rows}}개 전부',
		cutFirst: '위치 {{context}}개 중 앞의 {{rows}}개',
		learntTitle: '우리 tiny-gpt가 학습한 위치 임베딩: {{cut}} × {{dModel}}차원',
		learntSubtitle:
			'모델과 함께 학습했습니다(공식 없음). 위치 p의 토큰 임베딩에 p번째 행이 더해집니다. 오른쪽은 행마다 길이가 달라서({{min}}, 위치 {{minAt}} ~ {{max}}, 위치 {{maxAt}}) 코사인 유사도로 그렸습니다.',
		learntFooter:
			'왼쪽: 색은 |값|의 99번째 백분위수인 ±{{reach}}에서 끝나므로, 몇 안 되는 큰 값이 나머지를 흐리지 않습니다. 사인파 차트와 함께 보세요. 거기서는 모든 행의 길이가 같고 유사도는 거리에만 달려 있습니다.',
		learntPanel: '학습된 표: 행 = 위치, 열 = 차원',
		cosinePanel: '위치 p와 q의 코사인 유사도',
		distanceTitle: 'k만큼 떨어진 위치는 얼마나 비슷할까요?',
		distanceSubtitle:
			'거리 k인 모든 위치 쌍의 평균 코사인 유사도: 사인파(d = {{dims}}, 위치 {{length}}개)와 우리 모델이 학습한 표(위치 {{positions}}개).',
		distanceFooter: '사인파: 모든 쌍이 정확히 (1/(d/2))·Σᵢ cos(ωᵢ·k)입니다. 학습: 쌍마다 값이 달라서 그 평균입니다.',
		seriesSinusoidal: '사인파, d = {{dims}}',
		seriesLearnt: '학습, d = {{dModel}}',
		distanceAxis: '거리 k = |p − q| (위치)',
		meanCosine: '평균 코사인 유사도',
		heatmaps: '{{title}}. 히트맵: {{panels}}.',
		sinusoidalDescription: '히트맵 두 개: 위치 {{length}}개의 {{dims}}차원 사인파 인코딩, 그리고 모든 위치 쌍의 내적.',
		learntDescription:
			'히트맵 두 개: 우리 모델이 학습한 위치 {{rows}}개의 위치 임베딩, 그리고 모든 쌍의 코사인 유사도.',
		distanceDescription: '선 차트: k만큼 떨어진 위치들의 평균 코사인 유사도, 사인파와 학습된 표.',
	},
};
