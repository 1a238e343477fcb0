"""Emails about shipments, sent by the task framework: inline in the demo and tests, by a worker in production.

Tasks take ids, not objects (their arguments must survive a queue), and read the rows when
they run. fulfilment.py enqueues them after the commit of the step they tell about.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from oscar.core.loading import get_model

from vietnam.links import absolute_url

Shipment = get_model("partner", "Shipment")


@task
def email_seller_about_order(shipment_id, language):
    """Tell a seller of a new order: only her lines, her total, and the link to it in her portal.

    A seller whose accounts have no email address (many log in by phone) gets none; the badge
    on "Orders" in her portal tells her instead. Returns how many emails went out.
    """
    shipment = _shipment(shipment_id)
    if shipment is None:
        return 0
    recipients = seller_emails(shipment.seller)
    if not recipients:
        return 0
    with translation.override(language):
        context = {
            "shipment": shipment,
            "order": shipment.order,
            "seller": shipment.seller,
            "lines": list(shipment.live_lines.order_by("pk")),
            "url": absolute_url(shipment.get_absolute_url()),
            "site_name": settings.SITE_NAME,
        }
        return send_to_each("sellers/emails/new_order", context, recipients)


@task
def email_buyer_about_cancelled_lines(shipment_id, line_ids, reason, language):
    """Tell the buyer which of a seller's products will not come, why, and what still will."""
    shipment = _shipment(shipment_id)
    if shipment is None or not shipment.order.email:
        return 0
    order = shipment.order
    with translation.override(language):
        context = {
            "shipment": shipment,
            "order": order,
            "seller": shipment.seller,
            "buyer_name": order.shipping_address.name if order.shipping_address else "",
            "cancelled": list(shipment.lines.filter(pk__in=line_ids).order_by("pk")),
            "remaining": list(shipment.live_lines.order_by("pk")),
            "other_sellers": order.shipments.exclude(pk=shipment.pk).exists(),
            "reason": reason,
            "url": absolute_url(buyer_order_path(order)),
            "site_name": settings.SITE_NAME,
        }
        return send_to_each("sellers/emails/lines_cancelled", context, [order.email])


def _shipment(shipment_id):
    return (
        Shipment.objects.with_her_totals()
        .select_related("order__user", "order__shipping_address", "seller")
        .filter(pk=shipment_id)
        .first()
    )


def seller_emails(seller):
    """The email addresses of the active accounts of a seller's business (none for phone-only accounts)."""
    users = seller.users.filter(is_active=True).exclude(email=None).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def buyer_order_path(order):
    """Where the buyer follows the order: her account, or the private page of a guest's order."""
    if order.user_id:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})


def send_to_each(template_prefix, context, recipients):
    """One email to each recipient (members of a cooperative do not see each other's addresses)."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    with get_connection() as connection:
        for recipient in recipients:
            EmailMessage(subject, body, to=[recipient], connection=connection).send()
    return len(recipients)
