"""Mutation testing helpers (`make mutate`, `make mutate-report`); not part of argmap."""
