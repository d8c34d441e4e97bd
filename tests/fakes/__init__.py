"""Fakes of the services r1desk talks to (run one by hand: `python -m tests.fakes`)."""
