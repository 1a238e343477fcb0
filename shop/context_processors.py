from django.conf import settings


def marketplace(request):
    """What every page's header and footer need to know about this instance."""
    return {
        "site_name": settings.SITE_NAME,
        "programme_name": settings.MARKETPLACE_PROGRAMME,
    }
