"""What crawlers read besides the pages: the sitemap of every language and robots.txt."""

from django.db.models import Q
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .canonical import site_root_url


class TranslatedSitemap(Sitemap):
    """Every live, public page of the site, in every language.

    Wagtail's own sitemap lists the pages under the site's root page; each
    translation of the home page roots a tree of its own (English at /, Japanese
    under /ja/)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of_q(home, inclusive=True)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


class RobotsView(TemplateView):
    """Crawlers may read every public page; the admin and private links are not for them."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        root_url = site_root_url(Site.find_for_request(self.request), self.request)
        context["sitemap_url"] = root_url + reverse("sitemap")
        return context
