"""An order's status follows its shipments, and moves only as the pipeline says (the one Oscar checks)."""

import ast
from pathlib import Path

from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from orders.status import ORDER_PIPELINE, OrderStatus, ShipmentStatus, status_from_shipments

S = ShipmentStatus
FORWARD = {S.NEW: S.ACCEPTED, S.ACCEPTED: S.PACKED, S.PACKED: S.SHIPPED, S.SHIPPED: S.DELIVERED}
CANCELLABLE = (S.NEW, S.ACCEPTED, S.PACKED)
PROJECT = Path(__file__).resolve().parents[3]


def test_oscar_checks_the_same_pipeline_the_verbs_follow():
    assert {
        str(status): [str(move) for move in moves] for status, moves in ORDER_PIPELINE.items()
    } == settings.OSCAR_ORDER_STATUS_PIPELINE


def test_the_status_adds_up_from_the_shipments():
    assert status_from_shipments([S.NEW, S.NEW]) == OrderStatus.PLACED
    assert status_from_shipments([S.ACCEPTED, S.NEW]) == OrderStatus.IN_PROGRESS
    assert status_from_shipments([S.SHIPPED, S.CANCELLED]) == OrderStatus.SHIPPED
    assert status_from_shipments([S.DELIVERED, S.SHIPPED]) == OrderStatus.SHIPPED
    assert status_from_shipments([S.DELIVERED, S.CANCELLED]) == OrderStatus.DELIVERED
    assert status_from_shipments([S.CANCELLED, S.CANCELLED]) == OrderStatus.CANCELLED


steps = st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["forward", "cancel"])), max_size=20)


@given(sellers=st.integers(1, 3), steps=steps)
def test_every_step_of_any_seller_moves_the_order_only_as_the_pipeline_allows(sellers, steps):
    # Given an order of one to three sellers, placed (paid, or cash on delivery)
    shipments = [S.NEW] * sellers
    status = OrderStatus.PLACED
    # When its sellers take their steps, or cancel, in any order
    for index, action in steps:
        index %= sellers
        current = shipments[index]
        if action == "forward" and current in FORWARD:
            shipments[index] = FORWARD[current]
        elif action == "cancel" and current in CANCELLABLE:
            shipments[index] = S.CANCELLED
        else:
            continue  # a step the verbs refuse
        # Then each change of the order's status is one the pipeline has
        new_status = status_from_shipments(shipments)
        if new_status != status:
            assert new_status in ORDER_PIPELINE[status], f"{status} → {new_status} for {shipments}"
        status = new_status


def test_only_orders_status_calls_oscars_set_status():
    # The one door: a status set anywhere else would skip the shipments, the stock and the payment.
    callers = []
    packages = [folder for folder in PROJECT.iterdir() if (folder / "__init__.py").exists() and folder.name != "tests"]
    for path in (path for package in packages for path in package.rglob("*.py")):
        relative = path.relative_to(PROJECT)
        if "migrations" in relative.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "set_status":
                callers.append(str(relative))
    assert callers == ["orders/status.py"]
