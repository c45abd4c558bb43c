"""The formats layer: lawgov JSON and XML, their schemas, files and corpus streams.

``convert`` (field specs, limits, dicts and the generated fast pass), ``json`` and ``msgspec``
(JSON), ``xml`` (XML), ``schemas`` (JSON Schema), ``files`` (read and write by suffix),
``corpus`` (many reports per file), ``atomic`` (no half-written file) and ``cattrs`` (hooks for a
user's converter). It builds on the model layer and knows nothing of the parser or the CLI.
"""
