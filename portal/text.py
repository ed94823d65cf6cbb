"""Small text helpers for values that come from visitors and are shown back to them."""

import re

# C0 and C1 control characters and DEL; tab, newline and carriage return are kept.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(value):
    return bool(CONTROL_CHARACTERS.search(value))


def strip_control_characters(value):
    """``value`` without control characters, for echoing a visitor's input back."""
    return CONTROL_CHARACTERS.sub("", value)
