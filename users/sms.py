"""Text messages to a mobile number, by the sender PHONE_CODE_SENDER names.

`ConsoleSender` (the demo and tests) prints each message and keeps it in `outbox`, as Django's locmem email
backend does; `SpeedSMSSender` sends it through SpeedSMS's HTTP API (https://speedsms.vn, POST
/index.php/sms/send with the access token as the basic-auth user), with SPEEDSMS_* settings.
"""

import logging

import requests
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# What ConsoleSender sent, oldest first: (number, text). Tests empty it.
outbox = []


class SendFailed(Exception):
    """The provider did not take the message; its reason is logged, not shown."""


def send_sms(phone, text):
    """Send `text` to `phone` (+84…) with the configured sender; SendFailed if it refuses."""
    import_string(settings.PHONE_CODE_SENDER)().send(phone, text)


class ConsoleSender:
    """Prints the message where the server logs, and keeps it in `outbox`: nothing leaves the machine."""

    def send(self, phone, text):
        outbox.append((phone, text))
        print(f"SMS to {phone}: {text}", flush=True)  # noqa: T201  (the demo's way of reading the code)


class SpeedSMSSender:
    """SpeedSMS.vn: one JSON POST per message; a reply without status "success" is a failure."""

    timeout = 10

    def send(self, phone, text):
        body = {
            "to": [phone.removeprefix("+")],  # 84912345678
            "content": text,
            "sms_type": settings.SPEEDSMS_SMS_TYPE,
            "sender": settings.SPEEDSMS_SENDER,
        }
        try:
            response = requests.post(
                settings.SPEEDSMS_URL, json=body, auth=(settings.SPEEDSMS_ACCESS_TOKEN, "x"), timeout=self.timeout
            )
            reply = response.json()
        except (requests.RequestException, ValueError) as error:
            logger.warning("SpeedSMS: no answer for %s: %s", phone, error)
            raise SendFailed(str(error)) from error
        if response.status_code != 200 or not isinstance(reply, dict) or reply.get("status") != "success":
            reply = reply if isinstance(reply, dict) else {"message": reply}
            code, reason = reply.get("code", ""), reply.get("message", "")
            logger.warning("SpeedSMS refused a message to %s: HTTP %s %s %s", phone, response.status_code, code, reason)
            raise SendFailed(f"{code} {reason}")
