"""Small-cell suppression: a count under 5 of sellers of an ethnic group is shown "<5", never the number.

In a commune of a few hundred households, "2 Mông sellers" names two women. Hiding that cell is not
enough when the column's total is shown beside it: the total less the other cells gives it back. So a
column with exactly one cell hidden also hides its next smallest (complementary suppression), and the
total is shown only as it is (the sum of the consenting sellers, itself "<5" when small): from it one
learns the sum of two hidden cells, never one of them.
"""

THRESHOLD = 5
HIDDEN = "<5"


def suppress(values):
    """`values` (counts) as shown: each under THRESHOLD as "<5", and a second one when only one would be."""
    shown = list(values)
    hidden = [index for index, value in enumerate(shown) if value < THRESHOLD]
    if len(hidden) == 1 and len(shown) > 1:
        others = [index for index in range(len(shown)) if index not in hidden]
        hidden.append(min(others, key=lambda index: shown[index]))
    return [HIDDEN if index in hidden else value for index, value in enumerate(shown)]


def suppress_one(value):
    """A total on its own: "<5" when small."""
    return HIDDEN if value < THRESHOLD else value
