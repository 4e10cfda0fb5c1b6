import type { Catalogue } from '../catalogue.js';
import type { attention as en } from '../en/attention.js';

export const attention: Catalogue<typeof en> = {
	errors: {
		layer:
			'이 모델은 {{layers}}개 층으로 되어 있습니다. `layer`는 1–{{layers}} 중에서 고르세요(1이 입력에 가장 가까운 층).',
		head: '이 모델의 각 층에는 헤드가 {{heads}}개 있습니다. `head`는 1–{{heads}} 중에서 고르세요.',
		tooLong:
			'이 텍스트는 우리 모델의 토크나이저로 토큰 {{tokens}}개입니다. /attention은 토큰 {{max}}개({{max}} × {{max}} 지도)까지 그립니다. 더 짧게 잘라서 보내 주세요.',
	},
	choices: {
		layer: '{{count}}개 층 중 {{n}}층',
		layerFirst: '{{count}}개 층 중 {{n}}층 (첫 층, 입력에 가장 가까움)',
		layerLast: '{{count}}개 층 중 {{n}}층 (마지막 층, 출력에 가장 가까움)',
		head: '헤드 {{count}}개 중 {{n}}번',
	},
	headName: '{{layer}}층 {{head}}번 헤드',
	tokens_other: '토큰 {{count}}개',
	headUnused: '`view:heads`는 모든 헤드를 그리므로 `head`는 쓰지 않습니다.',
	korean: {
		bytes:
			'**한국어와 우리 모델**: {{model}} 모델은 영어 텍스트(셰익스피어의 희곡과 톨스토이의 『전쟁과 평화』)로만 학습했습니다. 그래서 토크나이저에 한글 조각이 하나도 없어 한글을 바이트 단위로 읽습니다. {{word}}(UTF-8로 {{bytes}}바이트)는 바이트마다 하나씩, 토큰 {{tokens}}개가 되었습니다. 이 지도는 음절이나 단어가 아니라 그 바이트들의 어텐션입니다.',
		pieces:
			'**한국어와 우리 모델**: {{model}} 모델은 영어 텍스트(셰익스피어의 희곡과 톨스토이의 『전쟁과 평화』)로만 학습해서 한글을 바이트로만 압니다. {{word}}(UTF-8로 {{bytes}}바이트)는 토큰 {{tokens}}개가 되었습니다. 이 지도는 단어가 아니라 그 조각들의 어텐션입니다.',
		tokenize:
			'대규모 언어 모델이 한국어를 어떻게 토큰으로 나누는지 보려면 `/tokenize`를 써 보세요(`encoding:all`은 모든 계열을 비교합니다).',
		openai:
			'한국어 문장을 뜻으로 비교하려면 `/similarity engine:openai`를 쓰세요. 한국어를 읽는 임베딩 모델이 비교합니다.',
	},
	reply: {
		readRow:
			'**행** 하나는 **쿼리** 역할을 하는 토큰 하나이고, **열**은 그 토큰 자신이나 그 앞에 있는 **키** 토큰입니다. 칸의 값은 쿼리가 그 키에 주는 가중치이며, 각 행의 합은 1입니다(소프트맥스). 빗금 친 칸은 미래의 토큰이라 인과 마스크가 가중치를 0으로 만듭니다.',
		whereLooks: '**각 토큰이 가장 많이 보는 곳** ({{head}}, 토큰 번호는 1부터):',
		headAlone: '**헤드 {{n}}**: 토큰이 하나뿐이라 자기 자신만 볼 수 있습니다.',
		headLine: '**헤드 {{n}}**: 바로 앞 {{previous}} · 첫 토큰 {{first}} · 자기 자신 {{self}} · 가장 강한 연결 {{link}}',
		headsIntro:
			'차트에는 {{layer}}층의 헤드마다 지도가 하나씩 있습니다. {{readRow}} 헤드마다 W_Q, W_K, W_V가 따로 있어서 저마다 다른 것을 찾도록 학습합니다.',
		headsDiffer:
			'**헤드마다 다른 점** (쿼리 토큰 2–{{n}}이 바로 앞 토큰, 첫 토큰, 자기 자신에 주는 평균 가중치와 가장 강한 연결):',
		shapes:
			'**행렬 크기** (T = {{tokens}}): 각 헤드는 {{n}} × {{dk}} 크기의 Q, K, V와 {{n}} × {{n}} 가중치, {{n}} × {{dk}} 크기의 출력(가중치 · V)을 만듭니다. 헤드 {{heads}}개의 출력을 나란히 붙이면 {{n}} × {{d}}가 되고, 여기에 W_O({{d}} × {{d}})를 곱하고 편향을 더한 {{n}} × {{d}}가 잔차 스트림에 더해집니다.',
		walkRow:
			'{{row}}행 (쿼리 “{{token}}”), d_k = {{dk}}, √{{dk}} = {{root}}; m은 이 행에서 ÷√d_k 값 중 가장 큰 값 {{max}}입니다.',
		walkKeys: '키: {{keys}}',
		walkOutput: '**출력의 1번 차원** = Σ 가중치 × v (각 키의 V 행의 d1): {{terms}} = **{{value}}**',
		walkOutputRow: '출력 {{row}}행, 1–{{dims}}번 차원: {{values}}',
		stepsCut:
			'입력한 토큰 {{total}}개 가운데 처음 {{t}}개입니다. 토큰은 자기 앞의 토큰만 보므로, 이 {{t}}개 행은 전체 텍스트 지도의 1–{{t}}행과 똑같습니다. ',
		stepsIntro:
			'{{cut}}차트 세 장이 {{head}}를 따라갑니다: 여기서는 ① Q·Kᵀ와 ② ÷ √d_k, 다음은 ③ 인과 마스크와 ④ 행마다 소프트맥스, 마지막은 V와 ⑤ V의 가중합입니다. V는 {{dk}}차원이고 차트에는 1–{{dims}}번 차원을 보여 줍니다. `attention-steps.csv`에는 q, k와 {{dk}}개 차원 전부를 포함해 모든 단계의 모든 숫자가 전체 정밀도로 들어 있습니다.',
		checkByHand: '**마지막 행을 직접 확인해 보세요:**',
		stepsSoftmax:
			'③은 쿼리보다 뒤에 오는 키의 점수를 −∞로 바꾸고(마지막 행인 {{row}}행에는 그런 키가 없습니다), ④는 행을 따라 소프트맥스를 취합니다: e^(x−m) ÷ Σ, 위 표의 `weight` 열입니다. −∞는 0이 되고 행마다 합은 1입니다.',
		csvLine:
			'세 차트의 모든 숫자와 q, k, 그리고 V와 출력의 {{dk}}개 차원 전부가 전체 정밀도로 `attention-steps.csv`에 들어 있습니다.',
		titleHeads: '어텐션: {{layer}}층의 헤드 {{heads}}개 전부',
		titleSteps: '어텐션 단계별 계산: {{head}}',
		titleStepsSoftmax: '③ 인과 마스크와 ④ 소프트맥스',
		titleStepsOutput: 'V와 ⑤ 가중치 · V',
		titleHead: '어텐션: {{head}}',
		footer: '{{model}} · {{tokens}} · {{layers}}개 층 × 헤드 {{heads}}개, 1부터 셈 · d_model {{d}}, d_k {{dk}}',
	},
	chart: {
		headTitle: '{{model}}의 {{head}} 어텐션',
		headSubtitle:
			'“{{text}}” · {{tokens}}. 행 = 쿼리 토큰, 그 행의 칸 = 자신과 그 앞의 각 키 토큰에 주는 어텐션. 행마다 합은 1입니다.',
		headFooter:
			'빗금 친 칸은 인과 마스크입니다. 토큰은 뒤에 오는 토큰을 볼 수 없습니다(가중치가 정확히 0). 가중치 = 이 헤드의 softmax(Q·Kᵀ / √{{dk}}). 헤드 {{heads}}개 × {{layers}}개 층, 1부터 셉니다.',
		rowAxis: '쿼리 토큰 (행의 합은 1)',
		colAxis: '키 토큰 (보이는 쪽)',
		weight: '가중치',
		panelHead: '헤드 {{n}}',
		headsTitle: '{{model}} {{layer}}층의 헤드 {{heads}}개 전부',
		headsSubtitle:
			'“{{text}}” · {{tokens}}. 각 지도: 행 = 쿼리 토큰, 열 = 키 토큰, 행마다 합은 1. 모든 지도가 같은 색 척도를 씁니다.',
		headsFooter:
			'빗금 친 칸은 인과 마스크입니다(가중치 0). 헤드와 층은 1부터 셉니다. 헤드마다 W_Q, W_K, W_V({{d}} × {{dk}})가 따로 있어서 저마다 다른 것을 찾도록 학습합니다.',
		headsAlt:
			'{{title}}. 토큰 {{n}} × {{n}}개의 어텐션 지도 {{panels}}개(0부터 1까지 같은 색 척도)와, 헤드들의 출력을 이어 붙이고 W_O로 투영하는 과정을 그린 도식.',
		combine: '헤드들을 합치는 방법 (멀티헤드 어텐션):',
		headBox: '헤드 {{n}}: 가중치 · V',
		concatenated: '나란히 이어 붙이기: {{n}} × {{d}}',
		residual: '{{n}} × {{d}}, 잔차 스트림에 더함',
		stepsTitle: '어텐션 단계별 계산 ({{part}}/{{parts}}): {{model}}의 {{head}}',
		stepsFirst: '입력한 토큰 {{total}}개 중 처음 {{t}}개',
		stepsAll_other: '입력한 토큰 {{count}}개',
		stepsSubtitle:
			'{{which}} (“{{text}}”). 토큰마다 q, k, v는 d_k = {{dk}}개의 숫자입니다. 행은 쿼리 토큰이며 1부터 번호를 붙였습니다.',
		stepsFooter: {
			scores:
				'① 각 쿼리(행)와 모든 키(열)의 q·k. 미래의 키도 들어 있고, 마스크는 ③에서 씌웁니다. ② 같은 점수를 √{{dk}} = {{root}}로 나눈 값으로, d_k가 커져도 점수가 퍼지는 정도가 커지지 않게 합니다. 다음: ③ 마스크와 ④ 소프트맥스.',
			softmax:
				'③ 쿼리는 뒤에 오는 토큰을 볼 수 없으므로 그 점수는 −∞가 됩니다. ④ 행을 따라 소프트맥스(e^x / Σ e^x): −∞는 0이 되고 행마다 합은 1입니다. 이것이 어텐션 가중치이고, ⑤에서 V의 행들을 섞는 데 쓰입니다.',
			output:
				'⑤ 출력의 각 행은 V의 행들에 ④에서 구한 그 행의 가중치를 곱해 더한 것입니다: 출력 = 가중치 · V. V와 출력은 {{dk}}차원 중 1–{{dims}}번만 보여 줍니다. attention-steps.csv에 모든 숫자가 있습니다.',
		},
		stepsAlt: '{{title}}. 칸마다 숫자가 적힌 {{t}}행짜리 패널 2개: {{panels}}.',
		scores: '① 점수 = Q·Kᵀ',
		mask: '③ 인과 마스크: 미래의 키 → −∞',
		softmax: '④ 행마다 소프트맥스 = 가중치',
		vSlice: 'V ({{dk}}차원 중 1–{{dims}})',
		output: '⑤ 출력 = 가중치 · V (1–{{dims}}차원)',
	},
	files: {
		head: '히트맵: 토큰 {{n}}개에 대한 {{head}}의 어텐션 가중치. 행은 쿼리, 열은 키, 미래의 칸은 빗금.',
		heads:
			'히트맵 {{heads}}개: 토큰 {{n}}개에 대한 {{layer}}층 모든 헤드의 어텐션 가중치와, 그 출력을 이어 붙여 투영하는 과정.',
		steps: '칸마다 숫자가 적힌 작은 히트맵 2개, {{tokens}}에서 {{head}}의 계산: {{panels}}.',
		csv: '{{head}}의 단계별 계산에 나온 모든 숫자 (CSV).',
		csvHeader: '# {{model}}, {{head}}: 처음 {{t}}개 토큰; d_k = {{dk}}; 행은 쿼리 토큰, 1부터 번호',
	},
};
