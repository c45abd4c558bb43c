"""The analysis layer: facts as tables and reports checked against the rules that require them.

``tables`` (rows of metrics, powers, citations and sections), ``tables_export`` (CSV, JSON Lines,
Arrow, Parquet, pandas), ``columns`` (the typed column vocabulary), ``assess`` (article 24 of
厅字〔2019〕28号 as checks) and ``assess_corpus`` (corpus summaries and the chart). It reads the
model only; the formats and the parser are not needed to analyse reports already parsed.
"""
