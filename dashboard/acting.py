"""Who may act in Oscar's dashboard, beyond who may look.

Oscar checks one set of permissions per URL, whatever the method: whoever may read an order's
page (view_order) may also send its forms. Here sending a form needs the model's change
permission too, so union officers read while editors and operators act.
"""

from django.core.exceptions import PermissionDenied

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ActingNeedsPermissionMixin:
    """Reading needs what Oscar's URL asks for; any other method needs `acting_permission` as well.

    `reading_actions` are the bulk actions a POST may ask for that only read (a download, say).
    """

    acting_permission = None
    reading_actions = ()

    def dispatch(self, request, *args, **kwargs):
        """Oscar's view, refused (403) for a POST by someone who may only read."""
        reads = request.method in SAFE_METHODS or request.POST.get("action") in self.reading_actions
        if not reads and not request.user.has_perm(self.acting_permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
