"""Golden reports: hand-written, reviewed ``Report`` objects that parsers and formats must match."""
