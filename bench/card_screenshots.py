"""Render exported cards the way Anki does and screenshot them in headless Chromium, day and
night: the check for the card templates and CSS after a style change.

    python bench/card_screenshots.py OUT_DIR [--chromium /usr/bin/chromium]

Mines nothing: exports the three sample entries of the UI tests, imports the package into a
scratch collection with the real ``anki`` library, renders each card's question and answer
through Anki, and writes ``OUT_DIR/<card>-<day|night>.png`` (and the HTML beside it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from anki.collection import Collection, ImportAnkiPackageRequest  # noqa: E402

from tests.functional.tui_support import ENTRIES  # noqa: E402
from tutor.export import export_anki  # noqa: E402

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<style>html, body {{ margin: 0; background: {bg}; }} .qa {{ padding: 24px; }}
hr#answer {{ margin: 16px 0; }}</style></head>
<body class="card {mode}"><div class="qa">{answer}</div></body></html>"""
MODES = {"day": ("", "#ffffff"), "night": ("nightMode night_mode", "#2c2c2c")}


def render(out: Path, chromium: str) -> list[Path]:
    shots = []
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "deck.apkg"
        export_anki(ENTRIES, "demo", package)
        col = Collection(str(Path(tmp) / "collection.anki2"))
        options = col._backend.get_import_anki_package_presets()
        request = ImportAnkiPackageRequest(package_path=str(package), options=options)
        col.import_anki_package(request)
        picks = [("协同发展", 0), ("雄安新区", 1), ("城市", 0)]
        for hanzi, ord_ in picks:
            nid = col.find_notes(f'"Hanzi:{hanzi}"')[0]
            card = next(c for c in col.get_note(nid).cards() if c.ord == ord_)
            answer = card.answer()
            for mode, (classes, bg) in MODES.items():
                name = f"{hanzi}-{'recall' if ord_ else 'recognition'}-{mode}"
                page = out / f"{name}.html"
                page.write_text(PAGE.format(bg=bg, mode=classes, answer=answer), encoding="utf-8")
                shot = out / f"{name}.png"
                subprocess.run(  # noqa: S603
                    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", f"--user-data-dir={tmp}/chrome",
                     "--window-size=480,640", "--hide-scrollbars",
                     f"--screenshot={shot}", page.as_uri()],
                    check=True, capture_output=True, timeout=60,
                )  # fmt: skip
                shots.append(shot)
        col.close()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for shot in render(args.out, args.chromium):
        print(shot)


if __name__ == "__main__":
    main()
