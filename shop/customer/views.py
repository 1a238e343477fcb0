from oscar.apps.customer import views

from sellers.portal.access import seller_home_for


class AccountAuthView(views.AccountAuthView):
    """Oscar's login and registration page; a seller lands in her shop, not her customer account."""

    def get_login_success_url(self, form):
        """Oscar's choice (the page asked for, the dashboard for staff), else her shop for a seller."""
        if form.cleaned_data["redirect_url"] or self.request.user.is_staff:
            return super().get_login_success_url(form)
        return seller_home_for(self.request.user) or super().get_login_success_url(form)
