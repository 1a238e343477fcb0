from tests.factories import PartnerFactory, ward_code


def test_two_sellers_with_the_same_name_get_pages_of_their_own(client, db):
    first = PartnerFactory(name="Hợp tác xã Thạch đen")
    second = PartnerFactory(name="Hợp tác xã Thạch đen", commune_code=ward_code("Xã Phục Hòa"))

    assert first.slug == "hop-tac-xa-thach-den"
    assert second.slug == "hop-tac-xa-thach-den-2"
    assert client.get(second.get_absolute_url()).context["seller"] == second


def test_a_name_with_nothing_to_transliterate_still_gets_a_page(client, db):
    seller = PartnerFactory(name="★ ★ ★")

    assert seller.slug == "nguoi-ban"
    assert "★ ★ ★" in client.get(seller.get_absolute_url()).content.decode()
