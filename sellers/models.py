from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from shop.text import unique_slug


class Partner(AbstractPartner):
    """A seller: a woman-run business or cooperative."""

    slug = models.SlugField(_("Slug"), max_length=128, unique=True, blank=True)
    owner_name = models.CharField(_("Owner's name"), max_length=128, blank=True)
    story = models.TextField(_("Story"), blank=True)
    photo = models.ImageField(_("Photo"), upload_to="sellers/", blank=True)
    commune = models.CharField(_("Commune or ward"), max_length=128, blank=True)

    def save(self, *args, **kwargs):
        if not self.slug:
            others = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(others, self.name, fallback="nguoi-ban")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("sellers:detail", kwargs={"slug": self.slug})


from oscar.apps.partner.models import *  # noqa: E402, F403  (the rest of Oscar's models)
