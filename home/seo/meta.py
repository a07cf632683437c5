"""The <head> tags that describe a page to search engines and to sites it is shared on."""

from django.utils.translation import get_language, to_locale

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from home.models import SiteSettings

from .canonical import absolute, canonical_url, site_root_url

SHARE_IMAGE_SPEC = "fill-1200x630"
# Open Graph names locales language_TERRITORY.
OPEN_GRAPH_LOCALES = {"en": "en_US", "ja": "ja_JP"}


def publisher_name(site_settings, site):
    return site_settings.company_name or (site.site_name if site else "")


def share_image(site_settings, root_url):
    image = site_settings.default_share_image
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return None  # its file is missing: share the page without a picture
    return {
        "url": absolute(rendition.url, root_url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


def page_meta(context):
    """Title, description, canonical URL and sharing tags for the page in ``context``,
    falling back to the site's defaults where the page's promote fields are empty."""
    request = context.get("request")
    if request is None:
        return {}
    site_settings = SiteSettings.for_request(request)
    page = context.get("page")
    if not isinstance(page, Page):
        return {"description": site_settings.default_description}
    site = Site.find_for_request(request)
    image = share_image(site_settings, site_root_url(site, request))
    language = get_language() or ""
    return {
        "title": page.seo_title or page.title,
        "description": page.search_description or site_settings.default_description,
        "canonical": canonical_url(page, context),
        "site_name": publisher_name(site_settings, site),
        # A page type may say it is an "article" (dated, authored); the rest of the
        # site is the website.
        "type": getattr(page, "og_type", "website"),
        "locale": OPEN_GRAPH_LOCALES.get(language, to_locale(language)),
        "image": image,
        "twitter_card": "summary_large_image" if image else "summary",
    }
