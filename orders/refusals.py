"""Why a verb of the order's life cannot be done now, in plain words for whoever asked."""


class Refused(Exception):
    """A step, cancel or change the order cannot take now; `message` says why, for the seller, buyer or staff."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
