"""Sellers' money in Wagtail's admin: payout runs, balances and corrections, the tax withheld each month."""
