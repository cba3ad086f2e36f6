"""Fixtures of the design tests."""

from __future__ import annotations

from typing import Any

import pytest
from design_docs import VALID


@pytest.fixture(params=sorted(VALID))
def valid_doc(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Each valid document in turn."""
    return VALID[request.param]()
