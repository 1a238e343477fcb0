"""Pages of the whole site that bring several apps together."""

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
