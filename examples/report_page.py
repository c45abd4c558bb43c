"""Write the bundled sample's HTML page: the tree beside the cleaned text, each fact marked.

Run: python examples/report_page.py [page.html]   (default: report-page.html in a temp folder)
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import lawgov
import lawgov.samples

result = lawgov.parse(lawgov.samples.text("jianghai-kjj-2020"))
page = lawgov.report_html(result)
target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "report-page.html"
target.write_text(page, encoding="utf-8")

marks = re.findall(r'<mark class="fact (\w+)"', page)
print(f"page: {len(page.encode('utf-8'))} bytes, self-contained")
for kind in ("metric", "citation", "power"):
    print(f"{kind} marks in the text: {marks.count(kind)}")
print(f"warnings listed: {len(result.warnings)}")
print("fetches nothing:", "default-src 'none'" in page and not re.search(r"https?://", page))
print(f"open it: {target}")
