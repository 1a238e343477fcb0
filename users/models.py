from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from vietnam.phones import format_phone, normalise_phone, validate_mobile


class User(AbstractUser):
    """Oscar's user plus a Vietnamese mobile number; either one logs her in, the number once it is verified.

    A seller may have no email address at all: she logs in with her phone number. A number counts only once
    its owner has typed the code sent to it (`phone_verified_at`, users/verification.py): only one account may
    hold it verified, and until then several may carry it, so no one blocks a number by typing it first.
    """

    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    phone = models.CharField(
        _("Phone number"),
        max_length=16,
        null=True,
        blank=True,
        validators=[validate_mobile],
        help_text=_("Mobile number; can be used to log in instead of the email address."),
    )
    phone_verified_at = models.DateTimeField(_("Phone number verified"), null=True, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                fields=["phone"],
                condition=Q(phone_verified_at__isnull=False),
                name="users_user_one_verified_phone",
                violation_error_message=_("Another account has already verified this phone number."),
            ),
        ]

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

    @property
    def phone_is_verified(self):
        return bool(self.phone and self.phone_verified_at)


class PhoneCode(models.Model):
    """A one-time code sent to a mobile number, kept only as a keyed hash (users/verification.py).

    Its rows are also the record of what was sent, from which sending is limited per number and per address.
    """

    class Purpose(models.TextChoices):
        VERIFY = "verify", _("Verify the phone number")
        RESET = "reset", _("Set a new password")

    phone = models.CharField(_("Phone number"), max_length=16)
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    code_hash = models.CharField(max_length=128)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Phone code")
        indexes = [
            models.Index(fields=["phone", "created_at"], name="users_phonecode_phone"),
            models.Index(fields=["ip", "created_at"], name="users_phonecode_ip"),
        ]

    def __str__(self):
        return f"{format_phone(self.phone)} ({self.get_purpose_display()})"
