"""Benchmarks: each `bench_*.py` module times argmap against a baseline in the same run."""
