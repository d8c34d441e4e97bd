"""r1desk: a fast native desktop chat client for DeepSeek-R1."""

import sys

__version__ = "0.1.0"

# httpx imports its command-line client, and with it click, rich and pygments, whenever those
# happen to be installed: ~80 modules and ~2 MB for a tool r1desk never runs. A None entry
# makes that one import fail, and httpx then leaves its command-line client out.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
