"""A new page's form posted again to Wagtail's create address after autosave has already created the page.

Wagtail's autosave saves a new page's form as the editor types; its first save creates the page, and
the form then goes on as that page's edit form. A tap on "Submit for moderation" (or "Save draft",
"Publish") that leaves before the form has switched is posted to the create address once more, as a
second page with the slug of the first, and Wagtail refused it ("the slug is already in use"): the
officer's submission was lost and the story stayed an unsubmitted draft. Such a post is handed to the
edit view of the page autosave made, so her action and her latest words are kept.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from wagtail.admin.views.pages.edit import EditView

logger = logging.getLogger(__name__)

# How long ago autosave may have created the page for a post to the create address to be taken as its own.
JUST_CREATED = timedelta(minutes=30)


def page_made_by_autosave(request, parent_page, page_class):
    """The page the editor's autosave created from this same form, if this post to the create address is its.

    That is a page of the class under the parent with the posted slug, hers, never published, not in
    a workflow, created in the last JUST_CREATED and changed by no one else; any other keeps Wagtail's
    refusal of the slug.
    """
    slug = request.POST.get("slug")
    if request.method != "POST" or not slug:
        return None
    page = (
        page_class.objects.child_of(parent_page)
        .filter(slug=slug, owner=request.user, live=False, first_published_at=None)
        .first()
    )
    if page is None or page.workflow_in_progress:
        return None
    revisions = page.revisions
    first = revisions.order_by("created_at").first()
    if first is None or first.created_at < timezone.now() - JUST_CREATED:
        return None
    if revisions.exclude(user=request.user).exists():
        return None
    return page


def continue_on_page_made_by_autosave(request, parent_page, page_class):
    """Wagtail's edit view's response to this post, for the page autosave made of it; None for any other post."""
    page = page_made_by_autosave(request, parent_page, page_class)
    if page is None:
        return None
    logger.info("Page %s: a post to the create address after autosave created it goes to its edit view", page.pk)
    return EditView.as_view()(request, page_id=page.pk)
