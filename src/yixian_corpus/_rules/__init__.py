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
- ``person_names``: what names look like, shared by ``slots`` and ``persons``: the patterns of transliterated
  and dotted names, the body of a Han name, the characters that end places rather than names, kin words,
  bylines.
- ``slots``: names read by their characters where a cue leads one to expect one (after a title, an
  organisation or place + 的, a noun for people, 和…一起, a compound surname opening a clause), and the
  names listed with a person found.
- ``persons``: Han names however the segmenter cut them, transliterated names, nicknames, kin nicknames,
  honorifics, names called at the start of speech.
- ``roles``: titles next to a person or chained to such a title, posts right after an organisation,
  titles a copula leads to.
- ``values``: each person's full name, the fullest name of each organisation and place, each quote's
  speaker.

Naming: a module-level name that another module uses has no leading underscore and is listed in its
module's ``__all__``; a name used only inside its module keeps the underscore.  The whole package is
private all the same (its name starts with ``_``): nothing here is public API.
"""

from __future__ import annotations

__all__: list[str] = []
