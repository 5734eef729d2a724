"""Tests that need a system program: skip with a reason on a laptop without it, fail in CI (CI=true)."""

from __future__ import annotations

import os
import shutil

import pytest


def require_program(name: str, package: str) -> str:
    """Path of `name`; skips the test when missing, unless CI is set, where missing is a failure."""
    path = shutil.which(name)
    if path:
        return path
    reason = f"'{name}' is not installed (Debian package {package}); .ci/run installs it in CI"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)
