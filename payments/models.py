"""What Stripe told us and what we asked of it, kept so nothing is done twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeEvent(models.Model):
    """A Stripe event acted on once: written in the same transaction as its effect, so a repeat finds it."""

    event_id = models.CharField(_("event"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100)
    created = models.DateTimeField(_("sent by Stripe at"))
    processed_at = models.DateTimeField(_("handled at"), auto_now_add=True)
    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stripe_events",
    )
    outcome = models.CharField(_("outcome"), max_length=255, blank=True)

    class Meta:
        ordering = ["-processed_at", "-pk"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"


class CheckoutSession(models.Model):
    """A Stripe Checkout page made for an order; a buyer who comes back gets the open one or a new attempt."""

    order = models.ForeignKey(
        "order.Order", verbose_name=_("order"), on_delete=models.CASCADE, related_name="stripe_sessions"
    )
    session_id = models.CharField(_("session"), max_length=255, unique=True)
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    expires_at = models.DateTimeField(_("expires at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["order", "attempt"]
        constraints = [models.UniqueConstraint(fields=["order", "attempt"], name="payments_one_session_per_attempt")]
        verbose_name = _("Stripe Checkout session")
        verbose_name_plural = _("Stripe Checkout sessions")

    def __str__(self):
        return self.session_id
