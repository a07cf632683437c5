from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.languages import language_name, reader_language
from home.page_cache.parameters import filters_shown_as_asked, shown_as_asked
from home.visibility import ViewRestrictionsByPathMixin
from testimonials.filters import TestimonialFilter

from .testimonials import Testimonial


class TestimonialWallPage(RoutablePageMixin, ViewRestrictionsByPathMixin, Page):
    """Every approved testimonial, newest first, whatever its rating."""

    template = "pages/testimonial_wall_page.html"
    per_page = 20
    cache_parameters = ("page", "format", *TestimonialFilter.base_filters)

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def wall(self, request):
        filters = TestimonialFilter(
            request.GET,
            queryset=Testimonial.objects.public().for_display().newest_first(),
        )
        testimonials = Paginator(filters.qs, self.per_page).get_page(request.GET.get("page"))
        shown_as_asked(request, "page", testimonials.number)
        filters_shown_as_asked(request, filters, found=testimonials.paginator.count)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "testimonials": testimonials,
                # They come in the reader's language first: the page says so.
                "reader_language_name": language_name(reader_language()),
            },
        )

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
        from testimonials.transparency import product_slug

        return cls.get_resolver().reverse("collection_report", product_slug(product))

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
