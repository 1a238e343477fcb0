"""`make frontend-check` reads Lighthouse's reports into one table against the goals; a miss fails it only if strict."""

import io

import pytest
from django.core.management.base import CommandError

from shop.management.commands.frontend_check import STRICTNESS, Command


def lighthouse_report(kilobytes, requests, performance, lcp_seconds, cls, accessibility, failed_audits=()):
    """The parts of a Lighthouse 12 report (JSON) the check reads."""
    failed = {
        audit_id: {"score": 0, "title": f"{audit_id} fails", "details": {"items": [{}, {}]}}
        for audit_id in failed_audits
    }
    return {
        "lighthouseVersion": "12.8.2",
        "configSettings": {
            "formFactor": "mobile",
            "throttlingMethod": "simulate",
            "throttling": {"rttMs": 150, "throughputKbps": 1638.4, "cpuSlowdownMultiplier": 4},
        },
        "environment": {
            "hostUserAgent": "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0",
            "benchmarkIndex": 1500,
        },
        "categories": {
            "performance": {"score": performance / 100},
            "accessibility": {
                "score": accessibility / 100,
                "auditRefs": [{"id": "color-contrast", "weight": 7}, *({"id": i, "weight": 3} for i in failed_audits)],
            },
        },
        "audits": {
            "diagnostics": {"details": {"items": [{"totalByteWeight": kilobytes * 1024, "numRequests": requests}]}},
            "largest-contentful-paint": {"numericValue": lcp_seconds * 1000},
            "cumulative-layout-shift": {"numericValue": cls},
            "color-contrast": {"score": 1, "title": "Contrast is enough"},
            **failed,
        },
    }


REPORTS = {
    "home": lighthouse_report(250, 12, 97, 1.5, 0.01, 100),
    "catalogue": lighthouse_report(1054, 32, 83, 4.2, 0.0, 96, failed_audits=["heading-order"]),
}
HTML_SIZES = {"home": (15_000, 4_000), "catalogue": (32_000, 6_000)}


def printed(strict):
    command = Command(stdout=io.StringIO())
    command.print_results(REPORTS, HTML_SIZES, strict=strict)
    return command.stdout.getvalue()


def test_each_figure_is_shown_against_its_goal_with_misses_marked():
    output = printed(strict=False)

    lines = {line.split("|")[1].strip(): line for line in output.splitlines() if line.startswith("| ")}
    assert [cell.strip() for cell in lines["goal"].split("|")[2:-1]] == ["≤300", "≤15", "≥95", "≤2.0", "≤0.05", "100"]
    assert "✗" not in lines["home"]
    assert [cell.strip() for cell in lines["catalogue"].split("|")[2:-1]] == [
        "1,054 ✗", "32 ✗", "83 ✗", "4.2 ✗", "0.000", "96 ✗",
    ]  # fmt: skip
    assert "5 of 12 figures" in output
    assert "catalogue: heading-order — heading-order fails (2 elements)" in output
    assert "home: none" in output


def test_a_miss_fails_the_check_only_when_strict():
    printed(strict=False)

    with pytest.raises(CommandError, match="5 figures miss their goal"):
        printed(strict=True)


def test_held_to_what_a_page_is_made_of_a_slow_score_passes_but_a_heavy_page_fails():
    slow = {"home": lighthouse_report(250, 12, 80, 3.1, 0.01, 100)}
    heavy = {"home": lighthouse_report(420, 12, 97, 1.5, 0.01, 100)}

    Command(stdout=io.StringIO()).print_results(slow, HTML_SIZES, strict=STRICTNESS["page"])
    with pytest.raises(CommandError, match="1 figures miss their goal"):
        Command(stdout=io.StringIO()).print_results(heavy, HTML_SIZES, strict=STRICTNESS["page"])
