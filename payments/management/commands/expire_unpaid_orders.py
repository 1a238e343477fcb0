from django.core.management.base import BaseCommand

from payments.stripe.expiry import expire_unpaid_card_orders


class Command(BaseCommand):
    help = (
        "Cancel card orders not paid within STRIPE_ORDER_EXPIRY_MINUTES and put their stock back on sale. "
        "Run it every few minutes (cron)."
    )

    def handle(self, *args, **options):
        cancelled = expire_unpaid_card_orders()
        for order in cancelled:
            self.stdout.write(f"Cancelled unpaid order {order.number}")
        self.stdout.write(f"{len(cancelled)} unpaid card order(s) cancelled.")
