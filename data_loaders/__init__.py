"""Reading, validating and storing the dashboard's data: reference data, the store, demo data
and the command line (`python -m data_loaders`)."""

import pyarrow

# Arrow's allocations (pandas' text columns, Arrow's CSV reader and compute functions) from the C
# library's allocator, like Python's and NumPy's: a block Arrow frees is reused by them at once.
# With pyarrow's default (mimalloc) about 400 MB freed while checking a file of a million rows stayed
# with Arrow, and the import of that file peaked 200 MB higher (issue 16). DuckDB keeps its own.
pyarrow.set_memory_pool(pyarrow.system_memory_pool())
