"""Pages of the whole site that bring several apps together."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from catalog.views import ProductSearchView
from cms.models import StoryPage
from cms.search import search_stories

# How many stories the search results page shows above the products.
STORIES_IN_RESULTS = 3


class SiteSearchView(ProductSearchView):
    """The site's search: the catalogue's products matching `q`, and the newest stories that match it too."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = StoryPage.objects.live().public().select_related("seller").defer_streamfields()
        context["stories"] = list(search_stories(stories, context["form"].query)[:STORIES_IN_RESULTS])
        return context


@requires_csrf_token
def server_error(request):
    """Django's 500 page, given only the request's CSP nonce for its <style>: no database, no context processors."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"csp_nonce": getattr(request, "csp_nonce", "")}))
