"""The cache (Redis, with REDIS_URL) as pages see it: when it does not answer, pages go on without it.

django-redis ignores the cache's errors (IGNORE_EXCEPTIONS in settings.py): every call then answers "nothing
cached" and pages read the database; sessions are in the database too (cached_db). Its short timeouts
(REDIS_TIMEOUT) bound what one call waits, but a catalogue page makes some 60 calls, so a Redis that hangs
(a host gone from the network: no refusal, only silence) would make it wait 60 times, 15 s. django-redis and
redis-py have nothing to stop that, so this pool does: once a connection has failed, calls skip the cache
without trying for REDIS_RETRY_AFTER seconds, then one tries again.

It also tells the operator, once per outage and process rather than once per call: the first connection that
fails logs a warning, the first that succeeds again says so. And it empties the cache then, since what was
changed meanwhile (a session logged out, a thumbnail deleted) was changed in the database only, and the
cache's older copy would otherwise come back with it.
"""

import logging
import threading
import time

from django.conf import settings
from redis import Redis
from redis.connection import ConnectionPool
from redis.exceptions import ConnectionError, RedisError

logger = logging.getLogger(__name__)


class Outage:
    """Whether this process last found the cache down, and when it last tried it."""

    def __init__(self):
        self.down = False
        self.tried_at = 0.0
        self._lock = threading.Lock()

    def waiting(self):
        """Down, and tried less than REDIS_RETRY_AFTER seconds ago: not worth trying yet."""
        return self.down and time.monotonic() - self.tried_at < settings.REDIS_RETRY_AFTER

    def began(self, error):
        """Say True the first time the cache fails after it answered."""
        self.tried_at = time.monotonic()
        return not self.down and self._change(down=True)

    def ended(self):
        """Say True the first time the cache answers after it failed."""
        return self.down and self._change(down=False)

    def _change(self, down):
        """Set the state; False when another thread already did."""
        with self._lock:
            changed, self.down = self.down != down, down
        return changed


class OutageReportingPool(ConnectionPool):
    """redis-py's pool of connections (CONNECTION_POOL_CLASS): every cache call takes its connection here, and
    connects it when needed, so here is where the cache is found down, skipped, and found back.

    django-redis keeps one pool per cache and process, so an outage is one per cache and process.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outage = Outage()

    def get_connection(self, *args, **kwargs):
        outage = self.outage
        if outage.waiting():
            raise ConnectionError("The cache did not answer a moment ago; it is tried again in a few seconds.")
        try:
            connection = super().get_connection(*args, **kwargs)
        except RedisError as error:
            if outage.began(error):
                logger.warning(
                    "The cache (Redis at %s) does not answer (%s): pages are served without it, from the "
                    "database, until it is back.",
                    self.address(),
                    error,
                )
            raise
        if outage.ended():
            Redis(connection_pool=self).flushdb()
            logger.warning(
                "The cache (Redis at %s) answers again; emptied of what the outage left stale.", self.address()
            )
        return connection

    def address(self):
        kwargs = self.connection_kwargs
        return kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}/{kwargs.get('db', 0)}"
