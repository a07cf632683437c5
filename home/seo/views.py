from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.models import Site

from .canonical import site_root_url


class RobotsView(TemplateView):
    """Crawlers may read every public page; the admin and private links are not for them."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        root_url = site_root_url(Site.find_for_request(self.request), self.request)
        context["sitemap_url"] = root_url + reverse("sitemap")
        return context
