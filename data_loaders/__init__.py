"""Reading, validating and storing the dashboard's data: reference data, the store, demo data
and the command line (`python -m data_loaders`)."""

import pyarrow

# Arrow's allocations (pandas' text columns, Arrow's CSV reader and compute functions) from the C
# library's allocator, like every other allocation of the process: freed blocks are reused by pandas,
# NumPy and DuckDB at once. With pyarrow's default (mimalloc) about 400 MB freed while checking a file
# of a million rows stayed with Arrow, and the import of that file peaked at 1,5 GB (issue 16).
pyarrow.set_memory_pool(pyarrow.system_memory_pool())
