"""Logging out of Wagtail's admin, by POST only."""

from wagtail.admin.views import account


class LogoutView(account.LogoutView):
    """Wagtail's logout, which deletes the session cookie even while it refuses a GET (405): the browser
    forgot the login all the same, so any link or image on another page logged staff out. A request other
    than a POST is now refused before Wagtail's view, and changes nothing."""

    def dispatch(self, request, *args, **kwargs):
        """Refuse all but a POST untouched; Wagtail's dispatch deletes the cookie whatever the method."""
        if request.method != "POST":
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
