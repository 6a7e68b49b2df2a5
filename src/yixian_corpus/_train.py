"""Train the extractor's CRF tagger (``data/mentions.crfsuite``) from gold sentence sets.

Run from a checkout with the ``[crf]`` extra installed (``nox -s train`` does this)::

    python -m yixian_corpus._train src/yixian_corpus/data/mentions.crfsuite tests/data/dev_*.jsonl

Train only on development sets: the sealed ``unseen_*`` sets measure the tagger on text it never saw, and
the curated layer of the bundled articles is its second held-out test. Training is deterministic (L-BFGS
over the files in the order given), so the same files give the same model bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ._atomic import atomic_path
from ._crf import features, gold_labels, require_crfsuite
from ._evaluate import load_gold_file
from ._rules.doc import Doc
from .exceptions import ExtractorOptionError, YixianError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._evaluate import GoldText

__all__ = ["TRAINING_PARAMS", "train"]

TRAINING_PARAMS = {
    "c1": 0.1,  # L1: drops most of the ~10^6 candidate features
    "c2": 0.01,  # L2
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
"""crfsuite's L-BFGS settings, chosen by leaving one development set out at a time."""


def train(items: Sequence[GoldText], path: str | Path, *, overwrite: bool = True) -> Path:
    """Train the tagger on ``items`` and write the model to ``path`` atomically.

    Args:
        items: Gold texts (``text``, ``year``, ``mentions``), e.g. from :func:`load_gold_file`.
        path: Where to write the model.
        overwrite: Whether an existing file may be replaced.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: python-crfsuite is not installed.
        ExtractorOptionError: ``items`` holds no text.
    """
    pycrfsuite = require_crfsuite()
    if not items:
        msg = "no gold texts to train on"
        raise ExtractorOptionError(msg)
    trainer = pycrfsuite.Trainer(verbose=False)
    for item in items:
        labels = gold_labels(len(item.text), ((m.kind, m.start, m.end) for m in item.mentions))
        trainer.append(features(Doc(item.text, item.year)), labels)
    trainer.set_params(TRAINING_PARAMS)
    with atomic_path(path, overwrite=overwrite) as temp, tempfile.TemporaryDirectory() as scratch:
        # crfsuite writes the file itself, by name: give it a name, then move the bytes into the atomic temp
        model = Path(scratch) / "model.crfsuite"
        trainer.train(str(model))
        temp.write_bytes(model.read_bytes())
    return Path(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m yixian_corpus._train", description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="where to write the model (src/yixian_corpus/data/mentions.crfsuite)")
    parser.add_argument("gold", nargs="+", help="development-set JSONL files to train on (never unseen_*)")
    args = parser.parse_args(argv)
    sealed = [name for name in args.gold if Path(name).name.startswith("unseen_")]
    if sealed:
        sys.stderr.write(f"train: error: refusing to train on sealed evaluation sets: {', '.join(sealed)}\n")
        return 2
    try:
        items = [item for name in args.gold for item in load_gold_file(name)]
        path = train(items, args.output)
    except (YixianError, OSError) as error:
        sys.stderr.write(f"train: error: {error}\n")
        return 2
    sys.stdout.write(f"trained on {len(items)} texts from {len(args.gold)} files: {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
