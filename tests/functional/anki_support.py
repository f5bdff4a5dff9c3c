"""Shared by the tests that use the real ``anki`` library: an empty collection, and importing a
package the way Anki Desktop's Import dialog does (its own presets: update notes and note
types "if newer", no note-type merging, no scheduling unless asked for).

Loaded for every test as a plugin (``tests/conftest.py``), so ``col`` is a fixture anywhere;
``anki`` is imported only when one is used (its test files skip without it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = ["col", "import_package"]


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    """An empty Anki collection (``anki.collection.Collection``), closed afterwards."""
    from anki.collection import Collection

    (tmp_path / "anki").mkdir(exist_ok=True)
    collection = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        yield collection
    finally:
        collection.close()


def import_package(col: Any, package: Path, *, with_scheduling: bool = False) -> Any:
    """Import ``package`` into the collection ``col`` with the dialog's presets; the import
    log. ``with_scheduling`` ticks "Import any learning progress"."""
    from anki.collection import ImportAnkiPackageRequest

    options = col._backend.get_import_anki_package_presets()
    options.with_scheduling = with_scheduling
    request = ImportAnkiPackageRequest(package_path=str(package), options=options)
    return col.import_anki_package(request).log
