import type { Catalogue } from '../catalogue.js';
import type { modelText as en } from '../en/model-text.js';

export const modelText: Catalogue<typeof en> = {
	tooLong:
		'보내 주신 텍스트는 우리 모델의 토크나이저로 토큰 {{tokens}}개입니다. 모델은 한 번에 최대 {{context}}개만 읽으므로 /{{command}}도 {{context}}개까지만 받습니다. 더 짧게 잘라서 보내 주세요.',
	layer:
		'이 모델의 층은 {{layers}}개입니다. `layer`는 1–{{layers}} 중에서 골라 주세요(1이 입력에 가장 가까운 층입니다).',
	layerName: '층 {{layer}}/{{layers}}',
	englishOnly: {
		title: '**tiny-gpt는 영어만 압니다.**',
		saw_other:
			'셰익스피어의 희곡과 톨스토이의 『전쟁과 평화』 영어 번역본(학습 토큰 120만 개, 한글은 한 글자도 없음)으로 학습해서 토크나이저에 한국어 조각이 없습니다. 그래서 입력한 텍스트는 **토큰 {{tokens}}개**가 되었고, 그중 한글 {{count}}자만 해도 UTF-8 바이트 하나당 토큰 하나씩 {{bytes}}개입니다(`<EC 95>`처럼 표시됩니다).',
		sample: '학습 중에 이 바이트들을 본 적이 없어서, 아는 영어로 이어 씁니다.',
		layers:
			'학습 중에 이 바이트들을 본 적이 없어서, 층들이 여기에 하는 일은 한국어가 아니라 영어에서 익힌 습관을 보여 줍니다.',
		ngram:
			'n-그램 카운트도 같은 영어 텍스트에서 세었기 때문에 이 바이트들을 본 적이 없습니다. 그래서 모든 패널이 영어 문맥을 센 결과로 영어 토큰을 추측합니다.',
		openai: '한국어를 읽는 실제 모델: 같은 프롬프트로 `/sample engine:openai`를 실행해 보세요.',
		tokenize:
			'실제 대규모 언어 모델의 토크나이저가 한국어를 읽는 방식: 같은 텍스트로 `/tokenize encoding:all`을 실행해 보세요.',
	},
};
