"""users.sms.SpeedSMSSender against a local HTTP server standing in for SpeedSMS's API."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from users.sms import SendFailed, SpeedSMSSender, send_sms


@pytest.fixture
def speedsms(settings):
    """A server answering like api.speedsms.vn; `received` holds each request, `reply` what it answers."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            server.received.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(body)})
            status, reply = server.reply
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(reply).encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.received = []
    server.reply = (200, {"status": "success", "code": "00", "data": {"tranId": 1, "totalSMS": 1, "totalPrice": 250}})
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    settings.PHONE_CODE_SENDER = "users.sms.SpeedSMSSender"
    settings.SPEEDSMS_URL = f"http://127.0.0.1:{server.server_port}/index.php/sms/send"
    settings.SPEEDSMS_ACCESS_TOKEN = "tok-123"
    settings.SPEEDSMS_SMS_TYPE = 3
    settings.SPEEDSMS_SENDER = "CHO OCOP"
    yield server
    server.shutdown()
    server.server_close()


def test_a_message_is_posted_to_speedsms_with_the_token_and_the_number_without_its_plus(speedsms):
    send_sms("+84912345678", "Cho OCOP Cao Bang: ma xac minh 123456")

    (request,) = speedsms.received
    assert request["path"] == "/index.php/sms/send"
    assert request["headers"]["Authorization"] == "Basic " + base64.b64encode(b"tok-123:x").decode()
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["body"] == {
        "to": ["84912345678"],
        "content": "Cho OCOP Cao Bang: ma xac minh 123456",
        "sms_type": 3,
        "sender": "CHO OCOP",
    }


@pytest.mark.parametrize(
    "reply",
    [
        (200, {"status": "error", "code": "007", "message": "IP locked"}),
        (401, {"status": "error", "code": "004", "message": "Unauthorized"}),
        (500, ["not", "a", "reply"]),
    ],
)
def test_a_refusal_by_speedsms_is_a_failure_and_is_logged(speedsms, reply, caplog):
    speedsms.reply = reply

    with pytest.raises(SendFailed):
        SpeedSMSSender().send("+84912345678", "test")

    assert "SpeedSMS refused a message to +84912345678" in caplog.text


def test_no_answer_from_speedsms_is_a_failure(settings):
    settings.SPEEDSMS_URL = "http://127.0.0.1:9/index.php/sms/send"  # nothing listens on the discard port
    settings.SPEEDSMS_ACCESS_TOKEN = "tok-123"

    with pytest.raises(SendFailed):
        SpeedSMSSender().send("+84912345678", "test")
