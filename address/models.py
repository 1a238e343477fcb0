from oscar.apps.address.models import *  # noqa: F403  (Oscar's models, unchanged)
