"""The public read-only JSON API, under /api/v2/.

Images and documents have no endpoint: testimonial photos are Wagtail images, and
a listing of every image would publish those of testimonials nobody approved."""

from wagtail.api.v2.router import WagtailAPIRouter

from comparisons.api import CriteriaAPIViewSet, ProductsAPIViewSet
from home.api import PagesAPIViewSet
from testimonials.api import TestimonialsAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("products", ProductsAPIViewSet)
api_router.register_endpoint("criteria", CriteriaAPIViewSet)
api_router.register_endpoint("testimonials", TestimonialsAPIViewSet)
