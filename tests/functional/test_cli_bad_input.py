"""Bad input: one line naming the file (and line), exit 2, no traceback, database unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.functional.mine_support import dump
from tutor.cli import cli
from tutor.model import Entry, Example
from tutor.store import Store


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def populated_db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        deck_id = store.ensure_deck("report", "report.txt")
        store.upsert_entries(
            deck_id,
            [
                Entry(
                    hanzi="北京",
                    traditional="北京",
                    pinyin="Běi jīng",
                    english="Beijing",
                    senses=("Beijing, capital of the People's Republic of China",),
                    kind="name",
                    examples=(Example("北京是首都。", "Beijing is the capital."),),
                )
            ],
        )
    return db_path


def assert_one_line_error(code: int, output: str, *needles: str) -> None:
    assert code == 2, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith("tutor: error: ")
    assert "Traceback" not in output
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_SOURCES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty": (b"", ("empty",)),
    "binary": (b"\x00\x01\x02PK\x03\x04" * 50, ("binary",)),
    "not-utf8": ("北京\nBeijing\n".encode() + "上海\n".encode("gb18030") + b"Shanghai\n", (":3",)),
    "no-english": ("北京是首都。\n上海很大。\n".encode(), ("English",)),
    "no-chinese": (b"Beijing is the capital.\nShanghai is big.\n", ("Chinese",)),
}


@pytest.mark.parametrize("kind", sorted(BAD_SOURCES))
def test_bad_source_is_one_line_and_creates_no_database(
    kind: str, tmp_path: Path, db_path: Path
) -> None:
    data, needles = BAD_SOURCES[kind]
    source = write(tmp_path / f"{kind}.txt", data)
    code, output = run("mine", str(source))
    assert_one_line_error(code, output, str(source), *needles)
    assert not db_path.exists()


@pytest.mark.parametrize("kind", sorted(BAD_SOURCES))
def test_bad_source_leaves_existing_database_unchanged(
    kind: str, tmp_path: Path, populated_db: Path
) -> None:
    before = dump(populated_db)
    data, _ = BAD_SOURCES[kind]
    source = write(tmp_path / f"{kind}.txt", data)
    code, output = run("mine", str(source))
    assert code == 2, output
    assert dump(populated_db) == before


def test_missing_source(tmp_path: Path, db_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, output = run("mine", str(missing))
    assert_one_line_error(code, output, str(missing))
    assert not db_path.exists()


def test_unknown_deck_for_export(tmp_path: Path, populated_db: Path) -> None:
    before = dump(populated_db)
    code, output = run("export", "--deck", "nosuch", "--anki", str(tmp_path / "x.apkg"))
    assert_one_line_error(code, output, "nosuch", "report")
    assert dump(populated_db) == before
    assert not (tmp_path / "x.apkg").exists()


def test_unknown_deck_for_study(populated_db: Path) -> None:
    before = dump(populated_db)
    code, output = run("study", "--deck", "nosuch")
    assert_one_line_error(code, output, "nosuch")
    assert dump(populated_db) == before


def test_export_without_database(tmp_path: Path, db_path: Path) -> None:
    code, output = run("export", "--anki", str(tmp_path / "x.apkg"))
    assert_one_line_error(code, output, str(db_path))
    assert not db_path.exists()


def test_unwritable_export_path(tmp_path: Path, populated_db: Path) -> None:
    before = dump(populated_db)
    target = tmp_path / "no" / "such" / "dir" / "deck.apkg"
    code, output = run("export", "--anki", str(target))
    assert_one_line_error(
        code, output, "deck.apkg" if "deck.apkg" in output else str(target.parent)
    )
    assert dump(populated_db) == before


def test_malformed_align_line(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "北京 ||| beijing\n没有 分隔符\n".encode())
    code, output = run("align", str(source))
    assert code == 2
    assert f"{source}:2:" in output
    assert "Traceback" not in output


def test_studying_without_a_terminal_is_one_line_not_a_hang(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "p.db"
    done = subprocess.run(
        [sys.executable, "-c", "from tutor.cli import main; main()", "--db", str(db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "tutor: error: the study screen needs a terminal; mine, stats, export and check work "
        "without\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ("mine", "{dir}"),
        ("coverage", "{dir}"),
        ("align", "{dir}"),
        ("known", "import", "{dir}"),
        ("import-anki", "{dir}"),
        ("import-revlog", "{dir}"),
        ("export", "--anki", "{dir}"),
    ],
)
def test_a_directory_is_one_line_naming_it(
    tmp_path: Path, populated_db: Path, command: tuple[str, ...]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    before = dump(populated_db)
    code, output = run(*(part.format(dir=folder) for part in command))
    assert_one_line_error(code, output, f"{folder}: ", "is a directory")
    assert "Usage" not in output
    assert dump(populated_db) == before


def test_a_binary_revlog_says_binary_as_mine_does(tmp_path: Path, populated_db: Path) -> None:
    source = write(tmp_path / "binary.bin", BAD_SOURCES["binary"][0])
    before = dump(populated_db)
    mined = run("mine", str(source))
    code, output = run("import-revlog", str(source))
    assert_one_line_error(code, output, f"{source}:1: binary file (NUL byte), not text")
    assert output == mined[1]
    assert dump(populated_db) == before
