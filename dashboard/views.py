"""Oscar's dashboard views that change here (Oscar's get_class finds them; the rest stay Oscar's)."""

from oscar.apps.dashboard import views

from users.landing import staff_home_for


class LoginView(views.LoginView):
    """Oscar's dashboard login; staff who may enter Wagtail's admin land on their home there."""

    def get_success_url(self):
        """The page asked for (`next`), else the staff's home, else Oscar's dashboard."""
        return self.get_redirect_url() or staff_home_for(self.request.user) or super().get_success_url()
