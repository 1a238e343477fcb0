from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from vietnam.phones import format_phone, normalise_phone, validate_mobile


class User(AbstractUser):
    """Oscar's user plus a unique Vietnamese mobile number; either one logs her in.

    A seller may have no email address at all: she logs in with her phone number.
    """

    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
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

    def __str__(self):
        """Her email, or her phone number when she has no email (a seller may not)."""
        return self.email or format_phone(self.phone) or f"#{self.pk}"

    def clean(self):
        super().clean()
        if not self.email and not self.phone:
            raise ValidationError(_("Give an email address or a phone number to log in with."))
        self.phone = normalise_phone(self.phone) or self.phone or None

    def save(self, *args, **kwargs):
        self.email = self.email or None  # several accounts may have none; "" would clash
        if self.phone:
            self.phone = normalise_phone(self.phone) or self.phone
        else:
            self.phone = None
        super().save(*args, **kwargs)

    @property
    def phone_display(self):
        return format_phone(self.phone)
