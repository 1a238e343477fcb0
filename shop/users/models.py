from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from .phones import format_phone, normalise_phone, validate_mobile


class User(AbstractUser):
    """Oscar's user (email login) plus a unique Vietnamese mobile number to log in with."""

    phone = models.CharField(
        _("Phone number"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_mobile],
        help_text=_("Mobile number; can be used to log in instead of the email address."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def clean(self):
        super().clean()
        self.phone = normalise_phone(self.phone) or self.phone or None

    def save(self, *args, **kwargs):
        if self.phone:
            self.phone = normalise_phone(self.phone) or self.phone
        else:
            self.phone = None
        super().save(*args, **kwargs)

    @property
    def phone_display(self):
        return format_phone(self.phone)
