"""The benchmark is a command (bench.py), not tests: `make test` must not collect or import it."""

collect_ignore_glob = ["*"]
