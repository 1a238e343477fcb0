"""Caches that count what is asked of them, for tests that a page makes no lookups (override CACHES with one)."""

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from sorl.thumbnail.conf import settings as sorl_settings

# Every call made of a counting cache since the test emptied it: (operation, key).
calls = []


def thumbnail_calls():
    """The calls for sorl's thumbnails (its key-value store keeps each thumbnail's name and size in the cache)."""
    return [call for call in calls if call[1].startswith(sorl_settings.THUMBNAIL_KEY_PREFIX)]


class Counting:
    def get(self, key, *args, **kwargs):
        calls.append(("get", key))
        return super().get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        calls.extend(("get", key) for key in keys)
        return super().get_many(keys, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        calls.append(("set", key))
        return super().set(key, *args, **kwargs)


class CountingLocMemCache(Counting, LocMemCache):
    """Django's local-memory cache, counted."""

    def get_many(self, keys, *args, **kwargs):
        # LocMemCache's get_many calls get() for each key, which counts them already.
        return LocMemCache.get_many(self, keys, *args, **kwargs)


class CountingRedisCache(Counting, RedisCache):
    """django-redis's cache, counted."""


COUNTING_LOCMEM = {"default": {"BACKEND": "tests.caches.CountingLocMemCache"}}
