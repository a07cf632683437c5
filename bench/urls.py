from django.conf import settings
from django.urls import path, re_path

from bench.views import ceiling, media

urlpatterns = [
    path("bench/ceiling/", ceiling, name="bench_ceiling"),
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media, name="bench_media"),
]
