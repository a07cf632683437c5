"""Parts of a page cached apart from it: the comparison table, summary and corrections
log, which take most of a comparison page's rendering time. Their key includes a version
bumped whenever a product, fact, criterion, correction or the site settings change, so a
page that is rendered again (another query string, a new revision) reuses them until
the data they show changes."""

from django.conf import settings
from django.utils import timezone

from home.page_cache import versions

COMPARISON_DATA = "page-cache:v:comparison-data"


def comparison_fragment(request, freshness_limit_days):
    """(seconds, key) for the ``{% cache %}`` block of a comparison page. Nothing is
    cached for a preview: its table comes from the editor's unsaved changes."""
    if settings.PAGE_CACHE_SECONDS <= 0 or getattr(request, "is_preview", False):
        return 0, "uncached"  # a key nothing is ever stored under
    version = versions.page_cache().get(COMPARISON_DATA, 0)
    # Facts turn stale with the passing days, so the date belongs in the key.
    return settings.PAGE_CACHE_SECONDS, (
        f"{version}:{timezone.localdate().isoformat()}:{freshness_limit_days}"
    )


def bump_comparison_data():
    versions.bump_after_commit([COMPARISON_DATA])
