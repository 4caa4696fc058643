"""Domain logic (filters, aggregates, indicators) in plain Python: it never imports Streamlit,
so tests and the command line use it directly."""
