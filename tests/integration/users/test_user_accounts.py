import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import UserFactory
from tests.pages import ENGLISH


@pytest.mark.django_db
def test_a_mobile_number_is_stored_in_one_form_however_it_was_typed():
    user = UserFactory(phone="0912 345 678")

    user.refresh_from_db()
    assert user.phone == "+84912345678"
    assert user.phone_display == "0912 345 678"


@pytest.mark.django_db
def test_many_accounts_may_have_no_mobile_number():
    first, second = UserFactory(phone=""), UserFactory(phone=None)

    assert first.phone is None
    assert second.phone is None


@pytest.mark.django_db
def test_a_verified_mobile_number_belongs_to_one_account_however_it_is_written():
    UserFactory(phone="0912 345 678")
    other = UserFactory.build(phone="84912345678")

    with translation.override(ENGLISH), pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "Another account has already verified this phone number." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


@pytest.mark.django_db
def test_a_number_typed_but_not_verified_holds_nothing():
    UserFactory(phone="0912 345 678", phone_verified_at=None)
    UserFactory(phone="84912345678", phone_verified_at=None)

    UserFactory(phone="+84912345678")  # its owner, who verifies it


@pytest.mark.django_db
def test_a_landline_is_refused_as_a_login_number():
    user = UserFactory.build(phone="0206 3852 123")

    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "phone" in error.value.message_dict
