"""Reviews: only a customer who bought the product writes one; union staff approve it before it shows."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import PASSWORD, ProductFactory, ProductReviewFactory, UserFactory, create_purchase
from tests.pages import VIETNAMESE, open_page, soup_of, text_of

ProductReview = get_model("reviews", "ProductReview")

ONLY_BUYERS = "Chỉ khách đã mua sản phẩm này mới có thể đánh giá."


def approved_review(product, **fields):
    return ProductReviewFactory(product=product, **fields)


def add_review_url(product):
    return reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})


def review_section(client, product):
    return soup_of(open_page(client, product.get_absolute_url(), VIETNAMESE)).select_one(".product-reviews")


def post_review(client, product, **fields):
    data = {"score": 5, "title": "Ngon như ở nhà", "body": "Thạch đen dẻo, thơm, nấu nhanh.", **fields}
    return client.post(add_review_url(product), data, follow=True)


@pytest.mark.django_db
def test_a_buyers_review_waits_for_union_staff_then_shows_with_its_stars(client, product, customer):
    # Given a customer who bought the jelly
    create_purchase(customer, product)
    client.force_login(customer)

    # When she follows "write a review" and sends four stars
    section = review_section(client, product)
    assert section.select_one(f"a[href='{add_review_url(product)}']").get_text(strip=True) == "Viết đánh giá"
    form_page = open_page(client, add_review_url(product), VIETNAMESE)
    assert len(soup_of(form_page).select("#add_review_form input[type=radio][name=score]")) == 5
    post_review(client, product, score=4, title="Mát và thơm")

    # Then it waits for moderation: not shown yet, and she is told so
    review = ProductReview.objects.get(product=product, user=customer)
    assert review.status == ProductReview.FOR_MODERATION
    section = review_section(client, product)
    assert "Mát và thơm" not in section.get_text()
    assert "Cảm ơn bạn đã đánh giá" in section.get_text()
    assert section.select_one(f"a[href='{add_review_url(product)}']") is None

    # When a union editor approves it in Oscar's dashboard
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Union editor"))
    client.force_login(editor)
    response = client.post(
        reverse("dashboard:reviews-update", kwargs={"pk": review.pk}),
        {"title": review.title, "body": review.body, "score": review.score, "status": ProductReview.APPROVED},
    )
    assert response.status_code == 302

    # Then everyone sees it, with its four stars and the product's rating
    client.logout()
    section = review_section(client, product)
    shown = section.select_one(".review")
    assert "Mát và thơm" in shown.get_text()
    assert shown.select_one(".star-rating")["aria-label"] == "4 trên 5 sao"
    assert "Lan Nông" in shown.get_text()
    assert " ".join(section.select_one(".rating-summary").get_text().split()) == "4,0/5 · 1 đánh giá"


@pytest.mark.django_db
def test_a_customer_who_has_not_bought_it_is_told_why_and_her_review_is_refused(client, product, customer):
    client.force_login(customer)

    section = review_section(client, product)
    assert ONLY_BUYERS in section.get_text()
    assert section.select_one(f"a[href='{add_review_url(product)}']") is None

    response = post_review(client, product)

    assert not ProductReview.objects.exists()
    assert response.redirect_chain[-1][0] == product.get_absolute_url()
    assert "Bạn không thể viết đánh giá cho sản phẩm này." in text_of(response)


@pytest.mark.django_db
def test_a_guest_is_asked_to_log_in_and_cannot_post_a_review(client, product):
    section = review_section(client, product)
    assert ONLY_BUYERS in section.get_text()
    login = section.select_one("a[href^='/shop/accounts/login/']")
    assert login["href"] == f"/shop/accounts/login/?next={product.get_absolute_url()}"

    post_review(client, product, name="Khách lạ", email="khach@example.vn")

    assert not ProductReview.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("shipment_status", "line_status"),
    [("cancelled", "Cancelled"), ("delivered", "Cancelled"), ("new", ""), ("packed", "")],
    ids=["order-cancelled", "her-line-cancelled", "not-accepted-yet", "not-sent-yet"],
)
def test_a_purchase_cancelled_or_not_sent_yet_does_not_let_her_review(
    client, product, customer, shipment_status, line_status
):
    create_purchase(customer, product, shipment_status=shipment_status, line_status=line_status)
    client.force_login(customer)

    post_review(client, product)

    assert not ProductReview.objects.exists()
    assert ONLY_BUYERS in review_section(client, product).get_text()


@pytest.mark.django_db
def test_a_buyer_who_bought_something_else_cannot_review_this_one(client, product, customer):
    create_purchase(customer, ProductFactory(title="Miến dong"))
    client.force_login(customer)

    post_review(client, product)

    assert not ProductReview.objects.exists()


@pytest.mark.django_db
def test_a_buyer_reviews_a_product_once(client, product, customer):
    create_purchase(customer, product)
    approved_review(product, user=customer, title="Lần đầu")
    client.force_login(customer)

    post_review(client, product, title="Lần thứ hai")

    assert list(ProductReview.objects.values_list("title", flat=True)) == ["Lần đầu"]
    assert "Bạn đã đánh giá sản phẩm này" in review_section(client, product).get_text()


@pytest.mark.django_db
def test_only_approved_reviews_show_and_the_page_says_when_there_are_none(client, product):
    assert "Chưa có đánh giá nào." in review_section(client, product).get_text()

    approved_review(product, title="Đã duyệt")
    approved_review(product, title="Đang chờ duyệt", status=ProductReview.FOR_MODERATION)
    approved_review(product, title="Bị từ chối", status=ProductReview.REJECTED)

    reviews = review_section(client, product).select(".review")
    titles = [review.select_one("h3").get_text(strip=True) for review in reviews]
    assert titles == ["Đã duyệt"]


@pytest.mark.django_db
def test_the_buyer_logs_in_from_the_product_page_and_can_then_review(client, product, customer):
    create_purchase(customer, product)

    login_url = review_section(client, product).select_one("a[href^='/shop/accounts/login/']")["href"]
    login_form = soup_of(client.get(login_url)).select_one("input[name=login-redirect_url]")
    response = client.post(
        login_url,
        {
            "login-username": customer.email,
            "login-password": PASSWORD,
            "login-redirect_url": login_form["value"],
            "login_submit": "1",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == product.get_absolute_url()
    assert soup_of(response).select_one(f".product-reviews a[href='{add_review_url(product)}']") is not None
