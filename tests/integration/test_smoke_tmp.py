import pytest


@pytest.mark.django_db
def test_smoke():
    from django.apps import apps
    counts = {}
    for m in apps.get_models():
        if not m._meta.managed:
            continue
        n = m._default_manager.count()
        if n:
            counts[m._meta.label] = n
    print(counts)
