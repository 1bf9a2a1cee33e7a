"""Task definitions of the homework notebooks, one module per homework (hw01.py …).

Introduced in the homework notebooks. Students do not import these modules
directly: ``helpers.checks.homework("hw01")`` loads the right one.
"""
