"""A stand-in for fsrs-rs's fit: the real library, except that ``compute_parameters`` returns
parameters the test chose (the losses are still computed by the real fsrs-rs)."""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import pytest

from tutor.srs import optimize


def fake_fit(monkeypatch: pytest.MonkeyPatch, parameters: Sequence[float]) -> None:
    """Make ``fit_parameters`` fit ``parameters`` (to any non-empty set of training items)."""
    real = optimize._library()

    class FakeFSRS:
        def __init__(self, start: Sequence[float]) -> None:
            self._real = real.FSRS(list(start))

        def compute_parameters(self, items: Sequence[Any]) -> list[float]:
            assert items  # every history given to the fake has later-day reviews
            return list(parameters)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._real, name)

    fake = SimpleNamespace(
        FSRS=FakeFSRS, FSRSItem=real.FSRSItem, FSRSReview=real.FSRSReview,
        DEFAULT_PARAMETERS=real.DEFAULT_PARAMETERS,
    )  # fmt: skip
    monkeypatch.setattr(optimize, "_library", lambda: fake)
