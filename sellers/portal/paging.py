"""Pages of a portal list that forgive an old link."""


class NearestPageMixin:
    """For a paginated ListView: a page number out of range (an old link, or rows gone since) shows the nearest
    page, not a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
