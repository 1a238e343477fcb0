"""Oscar's checkout session, for a guest known by her mobile number (her email is optional)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import exceptions, session

GUEST = "guest"


def guest_phone(checkout_session):
    """The mobile number (+84…) a guest gave on checkout's first step, or None."""
    return checkout_session._get(GUEST, "phone")


def set_guest_contact(checkout_session, phone, email):
    checkout_session._set(GUEST, "phone", phone)
    checkout_session.set_guest_email(email or "")


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    """Oscar's; a guest goes on once she has given her phone number (Oscar asks for an email)."""

    def check_user_email_is_captured(self, request):
        """Oscar's precondition (its name kept, as its views list it): a guest has given her phone number."""
        if not request.user.is_authenticated and not guest_phone(self.checkout_session):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:index"), message=_("Please enter your phone number to order.")
            )

    def build_submission(self, **kwargs):
        """Oscar's; a guest who gave no email places her order with an empty one (no email is sent)."""
        submission = super().build_submission(**kwargs)
        order_kwargs = submission["order_kwargs"]
        if "guest_email" in order_kwargs and order_kwargs["guest_email"] is None:
            order_kwargs["guest_email"] = ""
        return submission

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.request.user.is_authenticated:
            context["guest_phone"] = guest_phone(self.checkout_session)
        return context
