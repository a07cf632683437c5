"""/llms.txt (and /ja/llms.txt): the site for language models, as the llms.txt
proposal (https://llmstxt.org/) lays it out: the site's name, a summary, and lists of
links to the Markdown renditions of its comparisons and product pages, with the
methodology that explains them. Only live, public pages, in the language asked for.

Cached in the page cache under the versions that publishing, unpublishing or moving a
page bumps (the site's, and the home page's listing in that language), so it is never
stale and costs a few queries however many pages it lists."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Site

from comparisons.localized import localize
from comparisons.markdown import bullets, document, escape, link
from comparisons.models import ComparisonPage, ProductPage
from comparisons.renditions import heading, iso
from home.languages import active_locale_id, default_language, localized
from home.models.site_settings import SiteSettings
from home.page_cache import keys, versions
from home.visibility import listable

CONTENT_TYPE = "text/markdown; charset=utf-8"
NAME = "llms.txt"


def rendition_url(page, request):
    return page.get_full_url(request).rstrip("/") + ".md"


def entry(page, request, note):
    return f"{link(page.title, rendition_url(page, request))}: {escape(note)}"


def summary_of(product_page):
    product = product_page.product
    return (product.summary if product else "") or _("what it is for and not for")


def write(request):
    site_settings = SiteSettings.for_request(request)
    site = Site.find_for_request(request)
    locale_id = active_locale_id(request)
    comparisons = listable(ComparisonPage.objects.filter(locale_id=locale_id), request)
    products = list(
        listable(ProductPage.objects.filter(locale_id=locale_id), request)
        .select_related("product")
        .order_by("title")
    )
    # Each product's one-line summary, in this language: one query for them all.
    localize([page.product for page in products if page.product], locale_id)
    methodology = localized(site_settings.methodology_page, request)
    name = site_settings.company_name or (site.site_name if site else "") or "Candor"
    # The site's description is written in its default language; elsewhere, ours.
    described = default_language() == get_language()
    summary = (described and site_settings.default_description) or _(
        "Product pages that say who each product is not for, and comparisons with "
        "competitors where every value has a source and a date."
    )
    blocks = [heading(1, name), f"> {escape(summary)}"]
    blocks.append(
        escape(
            _(
                "Each comparison and product link is a page's Markdown rendition; the "
                "same address without “.md” is the page itself. We make some of the "
                "products we compare."
            )
        )
    )
    listed = [
        entry(page, request, _("last reviewed %(date)s") % {"date": iso(page.reviewed_on)})
        for page in comparisons.order_by("title")
    ]
    if listed:
        blocks += [heading(2, _("Comparisons")), bullets(listed)]
    listed = [
        entry(page, request, page.search_description or summary_of(page)) for page in products
    ]
    if listed:
        blocks += [heading(2, _("Products")), bullets(listed)]
    if methodology is not None and methodology.live:
        blocks += [
            heading(2, _("Methodology")),
            bullets(
                [
                    f"{link(methodology.title, methodology.get_full_url(request))}: "
                    + escape(_("where each value comes from and how to report an error"))
                ]
            ),
        ]
    return document(blocks)


@require_GET
def llms_txt(request):
    """The same for every visitor: it lists no private page whoever asks."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return HttpResponse(write(request), content_type=CONTENT_TYPE)
    host = keys.hostname(request)
    home_path = request.path.removesuffix(NAME)  # "/" or "/ja/"
    cache = versions.page_cache()
    names = [versions.GLOBAL, versions.path_key(home_path)]
    current = cache.get_many(names)
    key = "page-cache:llms-txt:{}:{}".format(
        keys.digest(host + home_path), ".".join(str(current.get(name, 0)) for name in names)
    )
    text = cache.get(key)
    if text is None:
        text = write(request)
        if keys.names_the_site(request, host):
            cache.set(key, text, settings.PAGE_CACHE_SECONDS)
    return HttpResponse(text, content_type=CONTENT_TYPE)
