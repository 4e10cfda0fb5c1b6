/** Fixed texts the chart toolkit draws itself (demos give it their own titles, axes and notes). */
export const charts = {
	moreTokens_one: '… and {{count}} more token',
	moreTokens_other: '… and {{count}} more tokens',
	/** Alt texts (Discord's attachment description) the toolkit writes after the chart's title. */
	alt: {
		bar: '{{title}}. Bar chart: {{values}}.',
		line: '{{title}}. Line chart of {{series}}.',
		lineLog: '{{title}}. Line chart of {{series}} (log scale).',
		heatmap: '{{title}}. Heatmap of {{rows}} × {{cols}} values, colour from {{from}} to {{to}}.',
		heatmapGrid: '{{title}}. {{count}} heatmaps of {{rows}} × {{cols}}, one colour scale from {{from}} to {{to}}.',
		scatter: '{{title}}. Scatter of {{points}} points in {{groups}} groups.{{note}}',
		hiddenLabels: ' {{count}} labels left out where points crowd.',
		stripTokens: '{{heading}}: {{count}} tokens',
		progress: '{{label}}: {{value}} of {{max}}',
		table: 'table of {{count}} rows',
	},
} as const;
