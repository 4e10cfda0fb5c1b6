#!/usr/bin/env bash
# Rebuilds the chart fonts in this folder from Debian packages and one npm package, as they were made.
# Needs: apt-get (Debian bookworm), npm, and python3-fonttools (`apt-get install python3-fonttools`).
# Nothing here runs at bot run time; the committed files are the output.
set -euo pipefail
# Debian's fontTools lives in the system Python, not in a pyenv or venv one.
py="${PYTHON:-/usr/bin/python3}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

apt-get download fonts-noto-core fonts-noto-cjk
for deb in *.deb; do dpkg-deb -x "$deb" x; done
noto=x/usr/share/fonts/truetype/noto
cjk=x/usr/share/fonts/opentype/noto

# Latin, Greek, Cyrillic: unmodified.
cp "$noto/NotoSans-Regular.ttf" "$noto/NotoSans-Bold.ttf" "$here/"

# Visible-whitespace marks (⋅ U+22C5, ↵ U+21B5) and other arrows/operators that Noto Sans lacks.
"$py" -m fontTools.subset "$noto/NotoSansMath-Regular.ttf" --unicodes='U+2190-21FF,U+2200-22FF' \
	--output-file="$here/NotoSansMath-ArrowsOperators.ttf"

# Korean face of the CJK collection (index 1), subset: Latin-1, punctuation, arrows, shapes, all Hangul
# (syllables, Jamo, compatibility Jamo, extended Jamo), CJK punctuation, kana, enclosed CJK, full-width forms, and
# the ideographs of the national standard sets KS X 1001 (Korea), GB 2312 (China) and JIS X 0208 (Japan).
"$py" - "$cjk/NotoSansCJK-Regular.ttc" <<'PY'
import sys
from fontTools.ttLib import TTCollection
TTCollection(sys.argv[1]).fonts[1].save('kr.otf')
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
	(0x2500, 0x257F), (0x25A0, 0x25FF), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF),
	(0xAC00, 0xD7A3), (0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x3200, 0x32FF), (0xFF00, 0xFFEF)]
cps = set()
for a, b in ranges:
	cps.update(range(a, b + 1))
for enc in ('euc_kr', 'gb2312', 'shift_jis'):
	for cp in range(0x4E00, 0xA000):
		try:
			chr(cp).encode(enc)
			cps.add(cp)
		except UnicodeEncodeError:
			pass
with open('unicodes.txt', 'w') as f:
	f.write(','.join('U+%04X' % c for c in sorted(cps)))
PY
"$py" -m fontTools.subset kr.otf --unicodes-file=unicodes.txt --no-hinting \
	--output-file="$here/NotoSansCJKkr-Regular-Subset.otf"

# Colour emoji: Twemoji as a COLR/CPAL font, unmodified (the art Discord itself shows).
npm pack twemoji-colr-font@15.0.3 >/dev/null
tar xzf twemoji-colr-font-15.0.3.tgz
cp package/twemoji.woff2 "$here/Twemoji.woff2"
cp package/LICENSE "$here/LICENSE-Twemoji.md"

ls -l "$here"
