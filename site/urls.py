from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from testimonials.urls import localised_urlpatterns as localised_testimonial_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("testimonials.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(localised_testimonial_urls)),
    # Wagtail's page serving is the catch-all, so it comes last.
    path("", include(wagtail_urls)),
    # English keeps the unprefixed paths; other languages live under /<code>/.
    prefix_default_language=False,
)
