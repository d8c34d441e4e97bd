"""`python -m r1desk` is the same as the `r1desk` command."""

import sys

from r1desk.cli import main

sys.exit(main())
