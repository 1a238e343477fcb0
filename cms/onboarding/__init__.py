"""Bulk onboarding in Wagtail's admin: a spreadsheet of sellers and products, checked, previewed, imported."""
