"""The rules of the mention extractor (:func:`yixian_corpus.extract_mentions`), one module per job.

``yixian_corpus._extract`` makes a ``Doc`` of the text and runs the rules over it in order; each rule adds
the mentions it finds and marks their characters as taken, so that later rules leave them alone.

The modules, each importing only modules listed above it:

- ``lexicon``: word lists, thresholds and compiled patterns that several rule modules share (surnames,
  titles, the suffixes of organisation and place names, function words), and ``words``, ``alt`` and
  ``occurrences`` to build and search them.
- ``doc``: ``Doc`` (one text, its segmentation and the mentions found so far), ``Found`` (a mention while
  the extractor works) and span helpers.
- ``numbers``: numerals, dates and festivals, clock times and parts of the day, quantities.
- ``quotes``: titles of works, quoted names, quotations.
- ``names``: the proper-name part of organisation and place names (walking left from a suffix), and
  ordinary words as place names; shared by ``organizations`` and ``places``.
- ``organizations``: organisations by their suffixes, the units named after them, epidemic bodies.
- ``places``: places by their suffixes and the dictionary, the administrative chain, places after a cue
  word, highways, checkpoints and stations, short forms of places.
- ``persons``: Han and transliterated names, nicknames, names in lists and bylines, and roles (titles).
- ``values``: each person's full name, the fullest name of each organisation and place, each quote's
  speaker.

Naming: a module-level name that another module uses has no leading underscore and is listed in its
module's ``__all__``; a name used only inside its module keeps the underscore.  The whole package is
private all the same (its name starts with ``_``): nothing here is public API.
"""

from __future__ import annotations

__all__: list[str] = []
