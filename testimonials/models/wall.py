from django.core.paginator import Paginator
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
    cache_parameters = ("page", *TestimonialFilter.base_filters)

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
