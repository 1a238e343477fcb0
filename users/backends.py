from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from vietnam.phones import normalise_phone


class EmailOrPhoneBackend(ModelBackend):
    """Log in with an email address or a Vietnamese mobile number, in any common form.

    A number logs in only the account that verified it (users/verification.py): typing someone's number on a
    form gives no way into, or out of, her account.
    """

    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        identifier = (email or username or "").strip()
        if not identifier or password is None:
            return None
        user = self.find_user(identifier)
        if user is None:
            # Run the hasher anyway so a missing account takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def find_user(self, identifier):
        users = get_user_model()._default_manager
        if "@" in identifier:
            exact = users.filter(email=identifier).first()
            return exact or users.filter(email__iexact=identifier).order_by("pk").first()
        phone = normalise_phone(identifier)
        return users.filter(phone=phone).exclude(phone_verified_at=None).first() if phone else None

    def find_claimant(self, identifier, password):
        """The account `identifier` logs in, or else one carrying it as a number not yet verified whose password
        is `password`: to tell her why she cannot log in, never to log her in."""
        user = self.find_user(identifier)
        phone = normalise_phone(identifier) if user is None and "@" not in identifier else None
        if not phone or not password:
            return user
        unverified = get_user_model()._default_manager.filter(phone=phone, phone_verified_at=None).order_by("pk")
        return next((claimant for claimant in unverified[:5] if claimant.check_password(password)), None)


class LoginLimitBackend(AxesStandaloneBackend):
    """Axes' check, first in AUTHENTICATION_BACKENDS: a login refused while its account or address is locked
    (users/lockouts.py). A call without a request is not someone at a login form but our own code: Oscar's
    login of a customer just registered, the test client's login; axes would refuse it, so it is let through."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
