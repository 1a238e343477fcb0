from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from vietnam.phones import normalise_phone


class EmailOrPhoneBackend(ModelBackend):
    """Log in with an email address or a Vietnamese mobile number, in any common form."""

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
        return users.filter(phone=phone).first() if phone else None


class LoginLimitBackend(AxesStandaloneBackend):
    """Axes' check, first in AUTHENTICATION_BACKENDS: a login refused while its account or address is locked
    (users/lockouts.py). A call without a request is not someone at a login form but our own code: Oscar's
    login of a customer just registered, the test client's login; axes would refuse it, so it is let through."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
