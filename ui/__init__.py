"""Streamlit-side helpers: the cache boundary, the shared filters, page components and tables."""
