"""One module per command; `argmap.cli` imports each only when it runs."""
