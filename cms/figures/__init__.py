"""The programme in figures: what the marketplace does for the province's women sellers, in Wagtail's admin."""
