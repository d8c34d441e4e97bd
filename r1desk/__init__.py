"""r1desk: a fast native desktop chat client for DeepSeek-R1."""

__version__ = "0.1.0"
