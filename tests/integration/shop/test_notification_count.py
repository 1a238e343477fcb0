"""Oscar's count of a customer's unread notifications: asked of the database only by a page that shows it."""

import pytest
from django.db import connection
from django.template import RequestContext, Template
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories import UserFactory
from tests.pages import ENGLISH, open_page

Notification = get_model("communication", "Notification")


@pytest.mark.django_db
def test_a_storefront_page_does_not_count_her_notifications_but_a_page_that_shows_them_does(client, rf):
    customer = UserFactory(email="lan@example.vn")
    Notification.objects.create(recipient=customer, subject="Đơn hàng của chị đã gửi đi")
    Notification.objects.create(recipient=customer, subject="Đã đọc")
    Notification.objects.filter(subject="Đã đọc").update(date_read="2026-12-01T08:00:00Z")
    client.force_login(customer)

    with CaptureQueriesContext(connection) as captured:
        assert open_page(client, "/shop/catalogue/", ENGLISH).status_code == 200
    assert not [query for query in captured.captured_queries if "communication_notification" in query["sql"]]

    request = rf.get("/")
    request.user = customer
    shown = Template("{% if num_unread_notifications > 0 %}{{ num_unread_notifications }} unread{% endif %}")
    assert shown.render(RequestContext(request)) == "1 unread"
