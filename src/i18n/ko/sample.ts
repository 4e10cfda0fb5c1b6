import type { Catalogue } from '../catalogue.js';
import type { sample as en } from '../en/sample.js';

export const sample: Catalogue<typeof en> = {
	errors: {
		beamOpenAi:
			'빔 서치에는 후보마다 그 뒤에 올 모든 토큰의 확률이 필요한데, 이것은 우리 모델만 알려 줍니다. `engine` 옵션을 빼고 실행해 주세요.',
		beamTooLong:
			'빔 서치는 빔과 토큰마다 모델을 한 번씩 실행합니다. 토큰은 최대 {{max}}개까지입니다 (요청: {{length}}개).',
		openAiNotConfigured:
			'`engine:openai`는 실제 모델의 다음 토큰 확률을 보여 주는데, 이 봇에는 이에 필요한 AI 튜터가 설정되어 있지 않습니다. 봇 운영자가 언어 모델 API 키를 넣으면 AI 튜터가 작동하니 운영진에게 문의해 주세요. 그때까지는 `engine:local`(기본값)이 우리의 작은 모델로 샘플링합니다.',
	},
	settings: {
		greedy: 'T = 0 (그리디)',
		off: '끔',
		seedGreedy:
			'온도 0은 그리디 디코딩입니다. 항상 가장 확률이 높은 토큰을 고르고(같으면 id가 가장 작은 것), 난수를 쓰지 않으므로 시드는 결과에 영향이 없습니다.',
		seedRule:
			'시드 {{seed}} → [0, 1) 범위의 수 u를 내는 mulberry32 수열 하나(시드를 받는 작은 생성기로, 어느 컴퓨터에서나 같습니다). 토큰을 하나 샘플링할 때마다 다음 u를 받아, id 순서로 (필터 적용 후) 확률을 누적해 u를 처음 넘는 토큰을 고릅니다. k번째 실행(이어 쓴 글 하나, 그리고 히스토그램의 k번째 추출)은 수열의 {{start}}번째 수에서 시작합니다. 프롬프트, 옵션, 시드가 같으면 어느 컴퓨터에서나 결과가 같습니다.',
	},
	cut: {
		kept_other: '토큰 {{n}}개 남김',
		topKAll: 'top-k {{param}}: {{kept}} (k가 후보 수 이상이라 모두 남습니다)',
		topK: 'top-k {{param}}: {{kept}} (p가 k번째로 큰 값 {{cutoff}} 이상인 토큰)',
		topP: 'top-p {{param}}: {{kept}} (확률이 높은 순으로 합이 {{cutoff}}에 이를 때까지 가장 적게)',
		minP: 'min-p {{param}}: {{kept}} (p ≥ {{param}} × p_max = {{cutoff}}인 토큰)',
	},
	reply: {
		titleLocal: '{{model}}: 프롬프트 이어 쓰기',
		titleOpenAi: '{{model}}: 다음 토큰',
		promptTokens_other: ' (토큰 {{count}}개{{context}})',
		promptContext: '. 모델은 컨텍스트 윈도우인 마지막 {{context}}개만 봅니다',
		prompt: '**프롬프트**{{length}}: {{prompt}}',
		greedy:
			'**온도 0 = 그리디 디코딩**: 매번 가장 확률이 높은 토큰을 고릅니다(같으면 id가 가장 작은 것). 그래서 시드는 상관이 없습니다.',
		seed: ', 시드 {{seed}}',
		seedDrawn: ', 시드 {{seed}}(무작위로 뽑음, 같은 결과를 보려면 `seed:{{seed}}` 옵션을 추가하세요)',
		run1_other: '**실행 1**: 토큰 {{count}}개{{seed}}',
		drawn:
			'**뽑힌 토큰**: {{token}}{{seed}}. API는 요청 한 번에 한 위치의 확률만 주므로, 실제 모델은 토큰 하나만 보여 줍니다(`tokens`는 쓰이지 않습니다).',
		covered:
			'상위 20개가 전체 확률의 {{covered}}를 차지합니다. /sample은 이 20개를 합이 100%가 되도록 다시 정규화하고 그 안에서 필터를 적용합니다. 서버가 직접 고른 토큰은 {{choice}}입니다.',
		filters: '**필터** (온도 다음에 이 순서로 적용): {{cuts}}.',
		tokenByToken: '**토큰별 확률**: p = 온도와 필터를 적용한 뒤의 확률(실제로 뽑힌 확률), p(T=1) = 모델 자체의 확률.',
		run: '실행 {{run}} (수열의 {{from}}–{{to}}번째 수)',
		drawsTitle: '다음 토큰을 {{count}}번 뽑은 결과',
		drawsDescription: '실행마다 첫 토큰을 같은 분포(온도와 필터 적용 후)에서 뽑았습니다. 가장 많이 뽑힌 토큰:',
		drawsMore: '… 나머지 {{count}}개는 {{file}}에 있습니다',
		csvDescription: '{{count}}번 뽑는 동안 나온 모든 토큰과 그 횟수, 확률.',
	},
	chart: {
		ourModel: '{{model}} (우리 모델)',
		realModel: '{{model}} (실제 모델의 상위 20개)',
		minPLabel: 'min-p = {{param}} (p ≥ {{param}} × 최댓값)',
		seriesModel: '모델 자체 (T = 1)',
		seriesReal: '실제 모델, 상위 20개를 다시 정규화',
		seriesGreedy: 'T = 0: 그리디, 모든 확률이 1위 토큰에',
		seriesTemperature: 'T = {{temperature}} 적용 후',
		seriesFilters: '필터 적용 후 (이 분포에서 뽑음)',
		onlyTop: 'T = 0: 1위 토큰만',
		kept: '{{label}}: {{count}}개 남음',
		keeps: '{{label}}: {{count}}개 남김',
		covered:
			' 서버가 준 상위 20개는 실제 모델 확률의 {{covered}}를 차지하며, 필터 전에 합이 100%가 되도록 다시 정규화합니다.',
		title: '{{prompt}} 다음에는 무엇이 올까요? {{engine}}',
		subtitle: '{{settings}} · 어휘 {{vocabulary}}개 중 {{kept}}개 토큰에서 뽑습니다.{{covered}}',
		footerFilters:
			'필터는 온도 → top-k → top-p → min-p 순서로 적용됩니다. 점선은 각 필터가 자른 곳입니다. 마지막 점선 오른쪽의 막대는 버려지고, 나머지는 합이 100%가 되도록 다시 정규화됩니다. ',
		footerNoFilter: '필터가 꺼져 있습니다. 모든 토큰이 온도 적용 후의 확률로 뽑힐 수 있습니다. ',
		footerBeyond: '{{cuts}} (차트에 보이는 {{top}}개 밖까지). ',
		footerOthers: '차트에 없는 토큰: T = 1에서 {{raw}}, 온도와 필터 적용 후 {{final}}.',
		greedyPick: '그리디 선택: “{{token}}”',
		sampled: '샘플링됨 (시드 {{seed}}): “{{token}}”',
		cumulative: '누적 확률 (top-p 입력)',
		probability: '확률',
		nextToken: '다음 토큰 (확률 높은 순)',
		others: '나머지 {{count}}개',
		allOthers: '나머지 전부',
		drawsTitle: '{{prompt}} 다음 토큰을 {{count}}번 뽑은 결과',
		drawsGreedy: '그리디: 매번 1위 토큰이 뽑힙니다',
		drawsSeed: '시드 {{seed}}: k번째 추출은 k번째 실행의 첫 수를 씁니다',
		drawsFooter:
			'매번 같은 필터 적용 분포에서 토큰 하나를 뽑습니다. 많이 뽑을수록 비율이 확률에 가까워집니다(큰 수의 법칙). 서로 다른 토큰 {{count}}개가 뽑혔습니다.',
		drawsProbability: '뽑을 때의 확률 (온도와 필터 적용 후)',
		drawsShare: '{{count}}번 중 뽑힌 비율',
		drawsAxis: '확률, 뽑힌 비율',
		nextDescription:
			'막대 차트: 가장 확률이 높은 다음 토큰 {{count}}개의 온도와 필터 적용 전후 확률. 샘플링된 토큰 “{{token}}”에 테두리.',
		drawsDescription: '막대 차트: {{count}}번 뽑는 동안 각 토큰이 뽑힌 비율과 그 확률.',
	},
	beam: {
		agree:
			'**빔 서치와 그리디 디코딩이 일치합니다**: 토큰 {{length}}개 모두, 매 단계 그리디의 선택이 최선으로 남았습니다.',
		part: '**{{token}}번째 토큰에서 갈립니다**: 그리디의 선택은 {{greedy}}(log p {{greedyStep}}), 최선의 빔의 선택은 {{beam}}(log p {{beamStep}})입니다. ',
		gain: '토큰 {{length}}개 전체로 보면 빔의 문장이 더 그럴듯합니다. 총 log p가 {{best}}로 그리디의 {{greedy}}보다 {{gain}} 높습니다(확률로는 ×{{ratio}}).',
		noGain: '그리디 문장의 점수는 {{greedy}}, 빔 문장의 점수는 {{best}}입니다.',
		sequence: '{{name}}: 총 log p {{score}}',
		beamName: '빔 {{index}}',
		title: '{{model}}: 빔 서치(너비 {{width}})와 그리디 디코딩',
		prompt_other: '**프롬프트** (토큰 {{count}}개): {{prompt}}',
		best: '**최선의 빔**, 총 log p {{score}}:',
		greedy: '**그리디**, 총 log p {{score}}:',
		footer:
			'매 단계 {{width}}개의 빔이 각각 가장 그럴듯한 다음 토큰 {{width}}개를 내놓고, log p 합이 가장 큰 {{width}}개가 살아남습니다(후보 모두 {{nodes}}개, 그중 {{pruned}}개 탈락). 길이 보정도 샘플링도 없으므로 같은 프롬프트는 언제나 같은 빔을 냅니다. 그리디 디코딩은 너비 1인 빔 서치입니다.',
		chartTitle: '너비 {{width}}의 빔 서치와 그리디 디코딩',
		chartSubtitle: '{{prompt}} → {{model}}의 토큰 {{length}}개. y = log p의 누적 합(자연로그).',
		chartAgree: '주황: 최선의 빔. 파란 점선: 그리디. 여기서는 모든 토큰이 같습니다. 회색: 다른 후보(흐린 것 = 탈락).',
		chartPart: '주황: 최선의 빔. 파란 점선: 그리디, {{token}}번째 토큰에서 갈립니다. 회색: 다른 후보(흐린 것 = 탈락).',
		tickPrompt: '프롬프트',
		tickToken: '토큰 {{index}}',
		chartDescription:
			'트리 차트: 토큰 {{length}}개에 걸친 너비 {{width}}의 빔 서치. 후보 {{nodes}}개 중 {{pruned}}개 탈락. 최선의 빔 총 log p {{best}}, 그리디 {{greedy}}.',
	},
};
