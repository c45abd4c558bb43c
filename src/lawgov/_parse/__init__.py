"""The parser layer: from the text of a published page to a Report.

``pipeline`` runs the stages in order: ``encoding`` (bytes to text), ``clean`` (noise repair),
``header`` (title, source, dates, disclosure), ``structure`` (headings and measures), then the
facts: ``metrics``, ``citations`` and ``powers``. It builds on the model layer; ``import lawgov``
does not load it until a parser name is first used.
"""
