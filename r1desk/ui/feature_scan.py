"""Stop PySide6 from reading the source of every module imported after it.

PySide6 replaces `__import__` to support `from __feature__ import snake_case`. After each
import it asks, once per module, whether that module's source mentions "PySide6"
(`inspect.getsource`), to know which modules may select a feature. For r1desk's start-up that
is ~180 modules: ~60 ms, and ~8 MB of source kept by `linecache`.

The answer matters only to a module that selects a feature, and nothing in r1desk's process
does. So every module is given the default selection (what the scan gives a module that
mentions PySide6, and what every module here runs with) without its source being read.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # where PySide6 (6.11 here) keeps the scan


def skip_feature_source_scan() -> bool:
    """Call after importing PySide6. False if this PySide6 has no such scan (nothing to do)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _default_features  # type: ignore[attr-defined]
    return True


def _default_features(module: ModuleType) -> bool:
    """True: the module runs with PySide6's default feature selection (no snake_case)."""
    return True
