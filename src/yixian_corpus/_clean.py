"""TEMPORARY placeholder while the real cleaner is written (replaced within the hour)."""

from __future__ import annotations

import attrs

from ._model import Edit

__all__ = ["CleanResult", "clean_text"]


@attrs.frozen
class CleanResult:
    raw: str
    text: str
    edits: tuple[Edit, ...] = ()


def clean_text(raw: str) -> CleanResult:
    return CleanResult(raw, raw)
