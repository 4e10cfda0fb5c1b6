/** Fixed texts the chart toolkit draws itself (demos give it their own titles, axes and notes). */
export const charts = {
	moreTokens_one: '… and {{count}} more token',
	moreTokens_other: '… and {{count}} more tokens',
} as const;
