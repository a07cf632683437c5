from wagtail import hooks

from home.page_cache.middleware import mark_cacheable


@hooks.register("before_serve_page")
def allow_full_page_caching(page, request, serve_args, serve_kwargs):
    mark_cacheable(request)
