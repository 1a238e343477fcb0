"""Pages of the whole site that bring several apps together."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from catalog.views import ProductSearchView
from cms.models import StoryPage
from cms.search import matching_stories
from vietnam.showing import kept

# How many stories the search results page shows above the products.
STORIES_IN_RESULTS = 3


class SiteSearchView(ProductSearchView):
    """The site's search: the catalogue's products matching `q`, and the newest stories that match it too."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = matching_stories(story_texts(self.request), context["form"].query)[:STORIES_IN_RESULTS]
        stories = StoryPage.objects.live().select_related("seller").defer_streamfields().in_bulk(found) if found else {}
        context["stories"] = [stories[pk] for pk in found if pk in stories]
        return context


def story_texts(request):
    """(id, folded text) of every live public story, newest first: kept (vietnam.showing.kept), as every search reads
    them; publishing, unpublishing or restricting a page starts the storefront's next generation.
    """

    def read():
        stories = StoryPage.objects.live().public().order_by("-first_published_at", "-pk")
        return tuple(stories.values_list("pk", "search_text"))

    return kept(request, ("story-texts",), read)


@requires_csrf_token
def server_error(request):
    """Django's 500 page, given only the request's CSP nonce for its <style>: no database, no context processors."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"csp_nonce": getattr(request, "csp_nonce", "")}))
