"""Icons and the desktop entry, installed as package data of `r1desk.resources`.

The folder is `resources/` at the top of the repository; pyproject.toml maps it to this package.
"""
