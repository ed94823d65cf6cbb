"""What a filter panel shows for one value of a facet: the library and pathway listings
and the search page build these alike."""

from dataclasses import dataclass


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
