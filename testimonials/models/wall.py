from functools import lru_cache
from urllib.parse import urlencode

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.languages import language_name, reader_language
from home.page_cache.parameters import filters_shown_as_asked, shown_as_asked
from home.visibility import ViewRestrictionsByPathMixin
from testimonials.filters import CRITICAL, CRITICAL_FIRST, TestimonialFilter
from testimonials.querysets import CRITICAL_AT_MOST
from testimonials.wall_pages import Order, Position, shown_by_id, wall_page

from .testimonials import Testimonial


def cursor_url(request, **cursor):
    """The wall's address with the reader's filters, at ``cursor`` or the first page."""
    query = request.GET.copy()
    for name in ("page", "after", "before"):
        query.pop(name, None)
    query.update(cursor)
    return f"{request.path}?{query.urlencode()}" if query else request.path


class TestimonialWallPage(RoutablePageMixin, ViewRestrictionsByPathMixin, Page):
    """Every approved testimonial, newest first, whatever its rating."""

    template = "pages/testimonial_wall_page.html"
    per_page = 20
    # ``after`` and ``before`` are cursors (testimonials.wall_pages); ``page`` is kept
    # so that the numbered links of old still lead somewhere.
    cache_parameters = ("after", "before", "page", "format", *TestimonialFilter.base_filters)

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def wall(self, request):
        filters = TestimonialFilter(
            request.GET, queryset=Testimonial.objects.public().newest_first()
        )
        found = filters.qs
        order = Order(critical=filters.form.cleaned_data.get("order") == CRITICAL_FIRST)
        if "page" in request.GET:
            return redirect(self.numbered_page_now(request, found, order), permanent=False)
        after, before = request.GET.get("after", ""), request.GET.get("before", "")
        page = wall_page(found, order, self.per_page, after=after, before=before)
        if page is None:
            return redirect(cursor_url(request), permanent=False)
        if page.confirmed:
            shown_as_asked(request, "after" if after else "before", after or before)
        count = self.count_found(filters)
        filters_shown_as_asked(request, filters, found=count)
        ids = [position.pk for position in page.positions]
        shown = {testimonial.pk: testimonial for testimonial in shown_by_id(Testimonial)(ids)}
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "testimonials": [shown[position.pk] for position in page.positions],
                "wall": page,
                "found": count,
                # A reader who narrowed the wall to nothing is told so, not that it is empty.
                "filtered": any(request.GET.get(name) for name in ("product", "rating", "tag")),
                "pages": max(1, -(-count // self.per_page)),
                # They come in the reader's language first: the page says so.
                "reader_language_name": language_name(reader_language()),
            },
        )

    @staticmethod
    def count_found(filters):
        """How many testimonials the reader's filters find: from the products' tallies
        when they filter by what a tally counts (a product, a rating), else from the
        rows (a tag, or filters the form refused)."""
        if not filters.is_valid() or filters.form.cleaned_data.get("tag"):
            return filters.qs.count()
        asked = filters.form.cleaned_data
        rating = asked.get("rating")
        if not rating:
            ratings = None
        elif rating == CRITICAL:
            ratings = range(1, CRITICAL_AT_MOST + 1)
        else:
            ratings = [int(rating)]
        return Testimonial.objects.public_count(product=asked.get("product"), ratings=ratings)

    def numbered_page_now(self, request, found, order):
        """Where ``?page=N`` (the wall's links before cursors) leads: the page that now
        starts after the last testimonial of page N - 1, with the same filters."""
        number = request.GET["page"]
        if not number.isascii() or not number.isdigit() or int(number) < 2:
            return cursor_url(request)
        last_before = (int(number) - 1) * self.per_page - 1
        rows = found.values_list(*order.columns)[last_before : last_before + 1]
        for row in rows:
            return cursor_url(request, after=order.cursor(Position.of(row)))
        return cursor_url(request)

    def canonical_query(self, context):
        """The query string of the page's canonical URL (home.seo.canonical): a page
        after the first is named by the cursor it starts after. A filtered view is a
        variant of the first page, as with any listing."""
        request, page = context["request"], context.get("wall")
        if page is None or not set(request.GET) <= {"after", "before"}:
            return ""
        if not page.confirmed or not page.canonical:
            return ""
        return urlencode({"after": page.canonical})

    @path("<int:pk>/", name="testimonial")
    def testimonial(self, request, pk):
        """One testimonial in full: where an excerpt's "read the original" leads."""
        testimonial = get_object_or_404(Testimonial.objects.public().for_display(), pk=pk)
        return self.render(
            request,
            template="pages/testimonial_detail.html",
            context_overrides={"testimonial": testimonial},
        )

    # How the reviews of each of our products were collected (testimonials.transparency,
    # imported when asked: it reads these models).

    @path("how-collected/<str:product_slug>/", name="collection_report")
    def collection_report(self, request, product_slug):
        """The page, or with ``?format=json`` the same figures for tools."""
        from testimonials import transparency

        report = transparency.collection_report(self.reported_product(product_slug))
        if request.GET.get("format") == "json":
            shown_as_asked(request, "format", "json")
            return JsonResponse(
                transparency.as_json(report), json_dumps_params={"ensure_ascii": False}
            )
        return self.render(
            request,
            template="pages/collection_report.html",
            context_overrides={
                "report": report,
                "chart": transparency.ratings_chart(report["ratings"]),
                "ratings_table": transparency.ratings_table(report["ratings"]),
            },
        )

    def reported_product(self, product_slug):
        from testimonials.transparency import product_for_slug

        product = product_for_slug(product_slug)
        if product is None:
            raise Http404
        return product

    @classmethod
    def collection_report_route(cls, product):
        """Its address below any wall's, in any language (a class method: templates
        have the wall as a plain Page)."""
        return report_route(cls, product.name, product.pk)

    def get_sitemap_urls(self, request=None):
        """The wall, and the report of each of our products: public, and worth finding."""
        from comparisons.models import Product

        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        location = urls[0]["location"]
        return urls + [
            {"location": location + self.collection_report_route(product)}
            for product in Product.objects.ours()
        ]


@lru_cache(maxsize=1024)
def report_route(wall_class, name, pk):
    """A report's route for a product of that name and id, reversed once per process:
    the wall links every product's report, and slugifying a name and reversing a route
    cost a wall of ten products a millisecond a render."""
    from testimonials.transparency import slug_for

    return wall_class.get_resolver().reverse("collection_report", slug_for(name, pk))
