import oscar.apps.partner.apps as oscar_partner


class PartnerConfig(oscar_partner.PartnerConfig):
    """Oscar's partner app; a partner is a seller here. The label stays "partner"."""

    name = "sellers"

    def ready(self):
        super().ready()
        from . import audit  # models are loaded only now

        audit.register_models()
