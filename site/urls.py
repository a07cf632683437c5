from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from candor.api import api_router
from candor.search import search
from comparisons.urls import localised_urlpatterns as localised_comparison_urls
from home import admin_guards
from home.languages import switch_language
from home.seo.crawlers import RobotsView, TranslatedSitemap
from testimonials.advocacy.urls import localised_urlpatterns as localised_advocacy_urls
from testimonials.urls import localised_urlpatterns as localised_testimonial_urls

urlpatterns = [
    # Wagtail admin views that show any record by id, asking permission first: at the
    # same paths as Wagtail's, so they come first (home/admin_guards.py says why).
    path("admin/", include(admin_guards)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # One sitemap for every language: it lists the /ja/ pages too.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    path("", include("testimonials.advocacy.urls")),
    path(
        "language/<int:page_id>/<str:language_code>/",
        switch_language,
        name="switch_language",
    ),
    # The same, for a route of a routable page: a comparison's report form, a thanks page.
    path(
        "language/<int:page_id>/<str:language_code>/<path:route>",
        switch_language,
        name="switch_language",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if getattr(settings, "CANDOR_BENCH", False):
    from bench.urls import urlpatterns as bench_urlpatterns

    urlpatterns += bench_urlpatterns

urlpatterns += i18n_patterns(
    path("", include(localised_testimonial_urls)),
    path("", include(localised_advocacy_urls)),
    path("", include(localised_comparison_urls)),
    path("search/", search, name="search"),
    # Wagtail's page serving is the catch-all, so it comes last.
    path("", include(wagtail_urls)),
    # English keeps the unprefixed paths; other languages live under /<code>/.
    prefix_default_language=False,
)
