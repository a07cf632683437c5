"""Parts of a page cached apart from it, such as a comparison table, which take most of
a page's rendering time. Each kind of fragment has a version, bumped whenever the data it
shows changes (an app names the fragments a model's changes make stale when it registers
the model, see signals.register) and whenever the site settings do, so a page that is
rendered again (another query string, a new revision) reuses them until then."""

from django.conf import settings
from django.utils import timezone

from home.page_cache import versions

# Every kind of fragment an app has registered: the site settings show in all of them.
KINDS = set()


def version_key(kind):
    return f"page-cache:v:{kind}"


def fragment(request, kind, *vary):
    """(seconds, key) for the ``{% fragment %}`` block of a fragment of ``kind``. Nothing is
    cached for a preview: it shows the editor's unsaved changes."""
    if settings.PAGE_CACHE_SECONDS <= 0 or getattr(request, "is_preview", False):
        return 0, "uncached"  # 0 seconds: {% fragment %} renders it without the cache
    key = version_key(kind)
    cache = versions.page_cache()
    (version,) = versions.current(cache, [key], cache.get_many([key]))
    # What a fragment shows may age with the days (a fact turns stale), so the date
    # belongs in the key.
    return settings.PAGE_CACHE_SECONDS, ":".join(
        [str(version), timezone.localdate().isoformat(), *map(str, vary)]
    )


def bump_fragments(kinds=None):
    """Fragments of ``kinds`` are stale; of every kind if none are named."""
    kinds = KINDS if kinds is None else kinds
    versions.bump_after_commit(sorted(version_key(kind) for kind in kinds))
