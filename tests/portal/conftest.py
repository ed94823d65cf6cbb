import pytest

from tests.builders import build_library


@pytest.fixture
def library(demo_site):
    return build_library(demo_site)
