"""The public read-only API: what every endpoint shares, and the pages endpoint.

Every endpoint answers anonymous clients only, so what it returns never depends on
who asks; each client address has a request budget."""

from collections import defaultdict

from django.conf import settings
from django.db.models import prefetch_related_objects

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from django_ratelimit.core import is_ratelimited
from rest_framework.permissions import AllowAny
from rest_framework.throttling import BaseThrottle

from home.search_backend import plain_words
from home.visibility import listable

RATE_LIMIT_GROUP = "public-api"
# The largest OFFSET and LIMIT that SQLite and PostgreSQL take: a signed 64-bit integer.
LARGEST_WINDOW = 2**63 - 1


class ClientAddressThrottle(BaseThrottle):
    """Counts requests per client address in the shared cache, like the testimonial form."""

    def allow_request(self, request, view):
        return not is_ratelimited(
            request._request,
            group=RATE_LIMIT_GROUP,
            key="ip",
            rate=settings.API_RATE_LIMIT,
            increment=True,
        )


class BoundedPagination(WagtailPagination):
    """Wagtail's ``offset`` and ``limit``, with one past what the database can count
    to refused as a bad request rather than failing in the database."""

    def paginate_queryset(self, queryset, request, view=None):
        for parameter in ("offset", "limit"):
            try:
                value = int(request.GET.get(parameter, 0))
            except ValueError:
                continue  # Wagtail's own check says what a number looks like.
            if value > LARGEST_WINDOW:
                raise BadRequestError(f"{parameter} cannot be higher than {LARGEST_WINDOW}")
        return super().paginate_queryset(queryset, request, view)


class PublicAPIMixin:
    # No sessions or passwords: a logged-in editor gets the same answers as anyone.
    authentication_classes = []
    pagination_class = BoundedPagination
    permission_classes = [AllowAny]
    throttle_classes = [ClientAddressThrottle]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "search" in request.GET:
            # Only the words reach the search engine, never its query syntax.
            params = request.GET.copy()
            params["search"] = plain_words(params["search"])
            request._request.GET = params


class PagesAPIViewSet(PublicAPIMixin, WagtailPagesAPIViewSet):
    """Live pages outside every private section, by any route: listing, ``?type=``,
    detail, ``find/`` and the ``child_of``-style filters all start from here."""

    def get_base_queryset(self):
        return listable(super().get_base_queryset(), self.request)

    def get_serializer(self, instance, *args, **kwargs):
        # Every page's locale in one query. A page type may ready what its pages show
        # for the API, e.g. the data they name in their own language, once for all
        # its pages of a listing.
        pages = list(instance) if kwargs.get("many") else [instance]
        prefetch_related_objects(pages, "locale")
        by_type = defaultdict(list)
        for page in pages:
            by_type[type(page)].append(page)
        for page_type, pages_of_type in by_type.items():
            prepare = getattr(page_type, "prepare_api_listing", None)
            if prepare is not None:
                prepare(pages_of_type)
        return super().get_serializer(instance, *args, **kwargs)
