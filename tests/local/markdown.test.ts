import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown, type MentionNames } from '../../src/local/markdown.js';

const ADA = '1280089836748931102';
const GENERAL = '1280089836748931082';
const names: MentionNames = {
	user: (id) => (id === ADA ? 'Ada <script>' : undefined),
	channel: (id) => (id === GENERAL ? 'general' : undefined),
	role: () => undefined,
};
const md = (text: string) => renderMarkdown(text, names);
/** The HTML of one plain paragraph. */
const p = (html: string) => `<div class="md-p">${html}</div>`;

describe('renderMarkdown', () => {
	it('GIVEN member text with HTML THEN it is escaped, so <img onerror> shows as text', () => {
		const html = md('<img src=x onerror="alert(1)"> & <script>alert(2)</script>');
		expect(html).toBe(p('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;'));
		expect(html).not.toMatch(/<img|<script/);
	});

	it('GIVEN @everyone and @here THEN they stay plain text, not mentions', () => {
		expect(md('@everyone @here look')).toBe(p('@everyone @here look'));
	});

	it('GIVEN HTML inside every construct THEN it is escaped there too', () => {
		const evil = '<b onclick=x>';
		const html = [
			md(`**${evil}**`),
			md(`\`${evil}\``),
			md(`\`\`\`html\n${evil}\n\`\`\``),
			md(`> ${evil}`),
			md(`# ${evil}`),
			md(`- ${evil}`),
			md(`[${evil}](https://example.com/"onmouseover="x)`),
			md(`||${evil}||`),
		].join('');
		expect(html).not.toContain('<b onclick');
		expect(html).not.toContain('"onmouseover');
	});

	it('GIVEN bold, italic, underline, strikethrough and spoilers THEN each has its element', () => {
		expect(md('**b** *i* _i2_ __u__ ~~s~~ ||sp||')).toBe(
			p('<strong>b</strong> <em>i</em> <em>i2</em> <u>u</u> <s>s</s> <span class="spoiler">sp</span>'),
		);
	});

	it('GIVEN underscores inside words or escaped markers THEN no formatting happens', () => {
		expect(md('snake_case_name and \\*not italic\\*')).toBe(p('snake_case_name and *not italic*'));
	});

	it('GIVEN inline code THEN its content is literal', () => {
		expect(md('run `**not bold**` now')).toBe(p('run <code>**not bold**</code> now'));
	});

	it('GIVEN a code block with a language THEN it is a pre block without the fence newlines', () => {
		expect(md('Here:\n```py\nprint("<hi>")\n```\nthen')).toBe(
			`${p('Here:')}<pre><code data-lang="py">print(&quot;&lt;hi&gt;&quot;)</code></pre>${p('then')}`,
		);
	});

	it('GIVEN headings, lists and quotes THEN they become blocks', () => {
		expect(md('# H1\n## H2\n-# small')).toBe('<h1>H1</h1><h2>H2</h2><div class="subtext">small</div>');
		expect(md('- a\n- b\n  - c\n1. x\n2. y')).toBe(
			'<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol start="1"><li>x</li><li>y</li></ol>',
		);
		expect(md('> one\n> two\nout')).toBe(`<blockquote>${p('one<br>two')}</blockquote>${p('out')}`);
		expect(md('>>> all\nof it')).toBe(`<blockquote>${p('all<br>of it')}</blockquote>`);
	});

	it('GIVEN timestamps THEN they become <time> elements with the ISO date and the style for the page', () => {
		expect(md('<t:1725267600:F> and <t:1725267600:R> and <t:1725267600>')).toBe(
			p(
				'<time class="ts" datetime="2024-09-02T09:00:00.000Z" data-style="F">2024-09-02 09:00:00 UTC</time> and ' +
					'<time class="ts" datetime="2024-09-02T09:00:00.000Z" data-style="R">2024-09-02 09:00:00 UTC</time> and ' +
					'<time class="ts" datetime="2024-09-02T09:00:00.000Z" data-style="f">2024-09-02 09:00:00 UTC</time>',
			),
		);
	});

	it('GIVEN user and channel mentions THEN they show as escaped names; unknown ones as Discord shows them', () => {
		expect(md(`<@${ADA}> in <#${GENERAL}>, <@!${ADA}>`)).toBe(
			p(
				'<span class="mention">@Ada &lt;script&gt;</span> in <span class="mention">#general</span>, <span class="mention">@Ada &lt;script&gt;</span>',
			),
		);
		expect(md('<@12345678901234567> <#12345678901234567>')).toBe(
			p('<span class="mention">@Unknown User</span> <span class="mention">#unknown</span>'),
		);
	});

	it('GIVEN masked links and URLs THEN they are text with the address as a tooltip, never anchors', () => {
		const html = md('[the **docs**](https://example.com/a?b=1&c=2) or https://x.org/y.');
		expect(html).toBe(
			p(
				'<span class="link" title="https://example.com/a?b=1&amp;c=2">the <strong>docs</strong></span> or <span class="link" title="https://x.org/y">https://x.org/y</span>.',
			),
		);
		expect(html).not.toContain('<a');
	});

	it('GIVEN newlines THEN they are line breaks', () => {
		expect(md('a\nb\n\nc')).toBe(p('a<br>b<br><br>c'));
	});

	it('GIVEN an unclosed marker THEN the text is shown as typed', () => {
		expect(md('`unclosed and **half')).toBe(p('`unclosed and **half'));
	});

	it('GIVEN the inline-only mode (titles) THEN a leading # is not a heading', () => {
		expect(renderMarkdown('# not a heading **b**', names, { blocks: false })).toBe(
			'# not a heading <strong>b</strong>',
		);
	});
});

describe('escapeHtml', () => {
	it('GIVEN the five special characters THEN all are escaped', () => {
		expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
	});
});
