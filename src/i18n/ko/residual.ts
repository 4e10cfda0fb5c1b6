import type { Catalogue } from '../catalogue.js';
import type { residual as en } from '../en/residual.js';

export const residual: Catalogue<typeof en> = {
	reply: {
		streamIntro:
			'각 층은 모든 토큰의 벡터에 두 가지를 더합니다. 어텐션(앞의 토큰들을 섞음)과 피드포워드 층(토큰마다 따로)입니다. 잔차 스트림은 더해지기만 합니다. 토큰 평균 길이(stream: 층에 들어갈 때, +attn·+FFN: 각각이 더하는 것):',
		attention: '어텐션',
		ffn: '피드포워드 층',
		biggest:
			'토큰의 스트림에 비해 가장 큰 변화: 층 {{layer}}의 {{where}}, 위치 {{position}} {{token}}에서 길이 **{{norm}}**, 더해진 스트림의 **{{ratio}}배**.',
		topFrom: '{{depth}}부터 계속 1위 토큰입니다.',
		topAtOutput: '출력에서만 1위 토큰입니다.',
		topAt: '{{depths}}에서 1위 토큰이고, 그 사이에는 다른 토큰이 앞섭니다.',
		final:
			'{{last}} 다음에 출력이 가장 그럴듯하게 보는 토큰은 {{token}}(**{{prob}}**)입니다. 같은 토큰을 더 앞에서 읽어 내면:',
		top: '**1위**',
		rank: '{{rank}}위',
		topTokens: '마지막 위치의 1위 토큰: {{tokens}}.',
		hits: '1위 토큰 = 텍스트의 실제 다음 토큰인 경우, 위치 {{count}}개 중: {{hits}}.',
		echoes:
			'임베딩만으로는 위치 {{count}}개 중 {{echoes}}개가 입력 토큰 자신을 “예측”합니다. 출력 헤드가 임베딩 행렬(가중치 공유)이라, 층들이 무언가를 더하기 전까지는 토큰 자신의 임베딩 점수가 가장 높기 때문입니다.',
		title_other: '잔차 스트림 · 토큰 {{count}}개, 층 {{layers}}개',
		lensTitle: '로짓 렌즈: 층을 지나며 만들어지는 예측',
	},
	chart: {
		attn: '어텐션 {{layer}}',
		ffn: '피드포워드 {{layer}}',
		in: 'x₀ 입력',
		out: '{{x}} 출력',
		normsTitle: '잔차 스트림: 각 하위 층이 토큰마다 더하는 것',
		normsSubtitle:
			'“{{text}}” · 스트림이 들어올 때(x₀ = 토큰 임베딩 + 위치 임베딩)부터 출력이 읽을 때까지, 각 업데이트의 L2 노름(길이)',
		normsFooter:
			'각 블록은 스트림에 더할 뿐 바꿔치기하지 않습니다: x ← x + attn(LN(x)), 그다음 x ← x + FFN(LN(x)). 층 1에 들어갈 때 평균 길이 {{first}}, 층 {{layers}}에서 나올 때 {{last}}.',
		length: '길이',
		token: '토큰',
		embeddingsOnly: '임베딩만',
		afterOutput: '층 {{layer}} 뒤 = 출력',
		after: '층 {{layer}} 뒤',
		lastPositions: ' (위치 {{count}}개 중 마지막 {{shown}}개)',
		lensTitle: '로짓 렌즈: 각 층에서 멈춘다면 모델은 무엇을 예측할까',
		lensSubtitle: '각 열: 그 위치 다음에 올 가능성이 가장 높은 토큰{{cut}}, 각 층 뒤의 스트림에서 읽음. 색: 그 확률.',
		lensFooter:
			'각 깊이의 스트림에 마지막 층 정규화와 출력 헤드를 적용했습니다(맨 아래 행이 실제 출력). 노란 테두리: 텍스트의 실제 다음 토큰.',
		probability: '확률',
		lensScene: '{{title}}. 깊이 {{rows}}개 × 위치 {{columns}}개의 격자, 칸마다 1위 예측 토큰.',
		normsDescription: '히트맵: 토큰 {{count}}개, 층 {{layers}}개에 대한 잔차 스트림과 각 하위 층 업데이트의 길이.',
		lensDescription: '격자: 층 {{layers}}개 각각의 뒤에서 스트림을 읽었을 때, 위치마다 1위로 예측된 다음 토큰.',
	},
};
