"""Small-cell suppression: a count under 5 of sellers of an ethnic group is shown "<5", never the number.

In a commune of a few hundred households, "2 Mông sellers" names two women. Hiding that cell is not
enough when the column's total is shown under it: the total less the other cells gives it back. So a
column's total is left out ("–") when exactly one of its cells is hidden; with two or more hidden, the
total gives away only their sum. A total under 5 is itself "<5".
"""

THRESHOLD = 5
HIDDEN = "<5"
WITHHELD = "–"


def suppress(values):
    """A column of counts as shown, and its total as shown: each count under 5 as "<5", and the total
    left out when it would give back the one hidden count."""
    shown = [HIDDEN if value < THRESHOLD else value for value in values]
    total = sum(values)
    if total < THRESHOLD:
        return shown, HIDDEN
    if shown.count(HIDDEN) == 1:
        return shown, WITHHELD
    return shown, total
