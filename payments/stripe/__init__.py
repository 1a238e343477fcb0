"""Card payments through Stripe Checkout, for orders placed before they are paid.

client.py   the one way to Stripe's API (the SDK, its HTTP client, errors), and reading its objects
sessions.py a Checkout Session for an order, the page where the buyer pays (again), a payment recorded
webhook.py  Stripe's signed events, each acted on once, in any order
refunds.py  giving back what a cancel leaves paid for (orders.signals.refund_due), and Stripe's refunds
expiry.py   cancelling card orders not paid in time
views.py    the webhook endpoint and the pay page
"""
