import type { Catalogue } from '../catalogue.js';
import type { charts as en } from '../en/charts.js';

export const charts: Catalogue<typeof en> = {
	moreTokens_other: '… 외 토큰 {{count}}개',
};
