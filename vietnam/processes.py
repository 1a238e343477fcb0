"""Stopping a server this code started (gunicorn for the tests, the Lighthouse check)."""

import subprocess


def stop(process, grace=20):
    """Asks `process` to stop, and kills it if it has not within `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
