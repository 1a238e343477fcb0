"""The site as shop.wsgi serves it, and the uploaded files under MEDIA_URL from MEDIA_ROOT, as nginx serves them.

In production Django never serves an upload: the web server reads /media/ from disk (deploy/nginx.conf, cached for
7 days) or MEDIA_URL points at object storage. A measurement of pages as production serves them, without nginx
(`make frontend-check`), runs gunicorn on this module instead, so the photos come with the same caching.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from shop.wsgi import application as site

SEVEN_DAYS = 7 * 24 * 3600

# autorefresh: a photo's thumbnail written after start-up is found too, as nginx would find it on disk.
application = WhiteNoise(
    site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, max_age=SEVEN_DAYS, autorefresh=True
)
