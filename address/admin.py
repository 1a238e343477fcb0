from oscar.apps.address.admin import *  # noqa: F403  (Oscar's admin, unchanged)
