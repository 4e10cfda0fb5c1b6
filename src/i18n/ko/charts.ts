import type { Catalogue } from '../catalogue.js';
import type { charts as en } from '../en/charts.js';

export const charts: Catalogue<typeof en> = {
	moreTokens_other: '… 외 토큰 {{count}}개',
	alt: {
		bar: '{{title}}. 막대그래프: {{values}}.',
		line: '{{title}}. 선 그래프: {{series}}.',
		lineLog: '{{title}}. 선 그래프(로그 눈금): {{series}}.',
		heatmap: '{{title}}. {{rows}} × {{cols}} 값의 히트맵, 색은 {{from}}부터 {{to}}까지.',
		heatmapGrid: '{{title}}. {{rows}} × {{cols}} 히트맵 {{count}}개, 색 눈금 하나로 {{from}}부터 {{to}}까지.',
		scatter: '{{title}}. 점 {{points}}개, 묶음 {{groups}}개의 산점도.{{note}}',
		hiddenLabels: ' 점이 몰린 곳의 이름표 {{count}}개는 생략했습니다.',
		stripTokens: '{{heading}}: 토큰 {{count}}개',
		progress: '{{label}}: {{max}} 중 {{value}}',
		table: '{{count}}행 표',
	},
};
