"""The headless core: domain packages never import Textual (only tutor.tui does)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tutor.store.migrations

DOMAIN = (
    "tutor.corpus",
    "tutor.lang",
    "tutor.mining",
    "tutor.store",
    "tutor.srs",
    "tutor.quiz",
    "tutor.export",
    "tutor.ingest",
    "tutor.curate",
    "tutor.workspace",
)


def _modules_after_importing(*names: str) -> set[str]:
    code = "import sys\n" + "".join(f"import {n}\n" for n in names)
    code += "print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return set(out.stdout.split())


def test_domain_packages_leave_textual_out() -> None:
    loaded = _modules_after_importing(*DOMAIN)
    assert "tutor.mining.mine" in loaded or "tutor.mining" in loaded  # the import really ran
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_the_statistical_aligner_loads_only_when_asked_for() -> None:
    """Mining and the CLI import the optional aligner subpackage lazily, where it is used."""
    loaded = _modules_after_importing("tutor.mining", "tutor.cli")
    assert "tutor.mining.mine" in loaded
    assert not {m for m in loaded if m.startswith("tutor.mining.align")}
    assert "tutor.mining.align.hmm" in _modules_after_importing("tutor.mining.align")


def test_only_the_tui_imports_textual() -> None:
    loaded = _modules_after_importing("tutor.tui.app")
    assert "textual" in loaded


def test_cli_choices_spelled_out_for_help_match_the_code() -> None:
    """cli.py lists some choices itself so `tutor --help` imports nothing heavy."""
    from typing import get_args

    from tutor import cli
    from tutor.srs.settings import NewOrder
    from tutor.tui.app import THEMES

    assert set(cli.THEMES) == set(THEMES)
    assert set(cli.ORDERS) == set(get_args(NewOrder))


def test_migrations_are_self_contained() -> None:
    """A migration step runs as it shipped: it imports no application code it could outlive
    (only the SQL connection wrapper and the other steps)."""
    package = Path(tutor.store.migrations.__file__).parent
    imported = set()
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
    ours = {name for name in imported if name.startswith("tutor")}
    assert "tutor.store.migrations.early" in ours
    assert ours <= {
        "tutor.store.sql",
        "tutor.store.migrations.anki_export",
        "tutor.store.migrations.counts",
        "tutor.store.migrations.early",
    }
