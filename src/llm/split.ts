/** A line that opens or closes a fenced code block (``` or ~~~, up to three spaces of indent). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

interface FenceState {
	/** The opening line, reopened at the top of the next message. */
	line: string;
	/** The fence characters, e.g. ``` or ````, that close it. */
	marker: string;
}

/** Whether `line` closes the block opened by `open` (CommonMark: same character, at least as long, no info). */
function closes(line: string, open: FenceState): boolean {
	const m = FENCE.exec(line);
	return !!m && m[1]![0] === open.marker[0] && m[1]!.length >= open.marker.length && m[2]!.trim() === '';
}

/** Where to cut `line` so its head has at most `room` characters: at a space if one is near, never inside a surrogate pair. */
function cutPoint(line: string, room: number): number {
	let cut = line.lastIndexOf(' ', room);
	if (cut < room / 2) cut = room;
	const code = line.charCodeAt(cut - 1);
	if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
	return Math.max(1, cut);
}

/**
 * Splits markdown into messages of at most `max` characters at line boundaries. A code block cut by a split is
 * closed at the end of one message and reopened (with its language) at the start of the next, so every message
 * renders on its own. Lines longer than a message are cut, preferably at a space.
 */
export function splitMessage(text: string, max = 2000): string[] {
	const chunks: string[] = [];
	let lines: string[] = [];
	let length = 0;
	let fence: FenceState | null = null;

	const closing = (f: FenceState | null) => (f ? `\n${f.marker}` : '');
	const onlyReopened = () => fence !== null && lines.length === 1 && lines[0] === fence.line;
	const flush = () => {
		chunks.push(lines.join('\n') + closing(fence));
		lines = fence ? [fence.line] : [];
		length = fence ? fence.line.length : 0;
	};
	const after = (line: string): FenceState | null => {
		if (fence) return closes(line, fence) ? null : fence;
		const m = FENCE.exec(line);
		return m ? { line, marker: m[1]! } : null;
	};
	const push = (line: string) => {
		length += (lines.length > 0 ? 1 : 0) + line.length;
		lines.push(line);
	};

	for (let line of text.split('\n')) {
		for (;;) {
			const separator = lines.length > 0 ? 1 : 0;
			if (length + separator + line.length + closing(after(line)).length <= max) break;
			// A line that would fit in a fresh message starts one; a longer one fills this message and continues.
			const fresh = (fence ? fence.line.length + 1 : 0) + line.length + closing(after(line)).length;
			if (fresh <= max && lines.length > 0 && !onlyReopened()) {
				flush();
				continue;
			}
			const room = max - length - separator - closing(fence).length;
			if (room < 8 && lines.length > 0 && !onlyReopened()) {
				flush();
				continue;
			}
			const cut = cutPoint(line, Math.max(1, room));
			push(line.slice(0, cut));
			flush();
			line = line.slice(cut);
		}
		push(line);
		fence = after(line);
	}
	if (lines.length > 0 && !onlyReopened()) chunks.push(lines.join('\n') + closing(fence));
	return chunks;
}
