"""``python -m yixian_corpus``: the same as the ``yixian-corpus`` command."""

from __future__ import annotations

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
