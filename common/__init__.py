"""Interface text, number formatting and colours shared by pages, domain code and the command line."""
