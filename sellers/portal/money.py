"""My money ("Tiền của tôi"): what the Union holds for her, what is on its way, each entry of her ledger
in her words, and the payouts the Union has made her.

Everything is read for `self.seller` only, through the ledger's own functions (ledger/balances.py).
The page costs the same few queries for 3 entries or 3000: the newest ENTRIES_PER_PAGE, then older pages.
"""

from django.urls import path
from django.views.generic import ListView

from ledger.balances import balance, described, entries_of, on_the_way, rates
from ledger.crediting import withholds_tax
from ledger.models import Payout

from .access import SellerPortalMixin
from .paging import NearestPageMixin

ENTRIES_PER_PAGE = 50
PAYOUTS_SHOWN = 12


class MoneyView(SellerPortalMixin, NearestPageMixin, ListView):
    """Her balance, what her parcels on the way will add, the rates, her entries newest first, her payouts."""

    template_name = "sellers/portal/money.html"
    context_object_name = "entries"
    paginate_by = ENTRIES_PER_PAGE


    def get_queryset(self):
        return entries_of(self.seller)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = described(context["entries"])
        first_page = context["page_obj"].number == 1
        context.update(
            balance=balance(self.seller),
            rates=rates(),
            withheld=withholds_tax(self.seller),
            has_payout_account=self.seller.has_payout_account,
            first_page=first_page,
        )
        if first_page:
            context["on_the_way"] = on_the_way(self.seller)
            context["payouts"] = list(self.my_payouts()[:PAYOUTS_SHOWN])
        return context

    def my_payouts(self):
        return Payout.objects.filter(seller=self.seller).order_by("-pk")


urlpatterns = [
    path("", MoneyView.as_view(), name="money"),
]
