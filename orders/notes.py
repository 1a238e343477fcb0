"""The order's history for union staff: notes in Oscar's dashboard saying what happened and why."""

from oscar.core.loading import get_model

OrderNote = get_model("order", "OrderNote")


def note_on_order(order, message, *, by=None):
    """A system note on the order, by `by` (a user) when a person did it."""
    return OrderNote.objects.create(
        order=order,
        user=by if by is not None and by.is_authenticated else None,
        note_type=OrderNote.SYSTEM,
        message=message,
    )
