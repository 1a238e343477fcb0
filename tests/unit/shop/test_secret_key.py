"""With DEBUG off the site starts only on a secret key of its own, never on the demo's public one."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]


def manage_check(**variables):
    """`manage.py check` on the project's own settings, in a process of its own; its result."""
    environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    environment.update(DJANGO_SETTINGS_MODULE="shop.settings", **variables)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=PROJECT, env=environment, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "key",
    [None, "", "django-insecure-local-demo-key-change-me"],
    ids=["no key", "empty key", "the demo's key"],
)
def test_the_site_refuses_to_start_with_debug_off_and_no_key_of_its_own(key):
    result = manage_check(DEBUG="0", **({} if key is None else {"SECRET_KEY": key}))

    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG is off and SECRET_KEY is empty" in result.stderr


def test_the_site_starts_with_debug_off_on_a_key_of_its_own():
    result = manage_check(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50))

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_local_demo_starts_with_debug_on_and_no_key():
    result = manage_check(DEBUG="1")

    assert result.returncode == 0, result.stderr
