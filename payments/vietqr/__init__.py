"""Bank transfers by VietQR to the marketplace's account.

payload.py    the NAPAS/EMVCo payload (TLV fields, CRC) and its QR code, as SVG and PNG
transfers.py  an order's transfer: the account, the exact amount and the message staff look for
received.py   staff record a transfer that arrived: the order goes to its sellers
"""
