from oscar.apps.dashboard.partners import views

from dashboard.acting import ActingNeedsPermissionMixin


class PartnerManageView(ActingNeedsPermissionMixin, views.PartnerManageView):
    """Oscar's page of a seller: union officers (view_partner) read it, editors (change_partner) change it."""

    acting_permission = "partner.change_partner"
