"""Conversations to files and back: pure functions, no Qt (except `pdf.py`, at the edge).

markdown_export / json_export / html_export / text_export: Conversation -> str.
pdf: Conversation -> PDF via Qt printing. filenames: portable names from titles.
atomic: all-or-nothing file writes. importers/: files -> Conversations.
"""
