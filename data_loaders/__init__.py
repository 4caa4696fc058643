"""Reading, validating and storing the dashboard's data: reference data, the store, demo data
and the command line (`python -m data_loaders`)."""
