"""What makes a cached page stale, connected to the changes that cause it."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from comparisons.models import Criterion, Fact, FactChange, Product
from home.models import SiteSettings
from home.page_cache.dependents import pages_showing
from home.page_cache.fragments import bump_comparison_data
from home.page_cache.purge import purge_pages, purge_site
from testimonials.models import Customer, Testimonial, TestimonialWallPage


def caching(handler):
    """Handlers do nothing while full-page caching is off."""

    def wrapper(sender, **kwargs):
        if settings.PAGE_CACHE_SECONDS > 0 and not kwargs.get("raw"):
            handler(sender, **kwargs)

    wrapper.__name__ = handler.__name__
    return wrapper


@caching
def page_changed(sender, instance, **kwargs):
    purge_pages([instance, *pages_showing(instance)])
    if linked_from_site_settings(instance):
        bump_comparison_data()  # the disclosure links the methodology page
    if instance.show_in_menus or linked_from_site_settings(instance):
        purge_site()  # every page shows the menu and the footer's links


def linked_from_site_settings(page):
    """The methodology, testimonial policy and wall pages, in any of their languages."""
    translations = Page.objects.filter(translation_key=page.translation_key)
    links = Q()
    for field in SiteSettings._meta.get_fields():
        if field.many_to_one and issubclass(field.related_model, Page):
            links |= Q(**{f"{field.name}__in": translations})
    return SiteSettings.objects.filter(links).exists()


@caching
def page_moved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_site()  # its old URL, the menu and every listing that showed it


@caching
def snippet_changed(sender, instance, **kwargs):
    purge_pages(pages_showing(*shown_with(instance)))
    if isinstance(instance, Product | Fact | Criterion | FactChange):
        bump_comparison_data()
    if isinstance(instance, Product | Testimonial):
        # The wall lists every testimonial with its product's name.
        purge_pages(TestimonialWallPage.objects.live())


def shown_with(instance):
    """The objects whose pages show ``instance``: a fact is shown with its product, a
    testimonial on its product's pages and in the case studies that quote it."""
    if isinstance(instance, Fact | FactChange):
        return [instance.product] if instance.product_id else []
    if isinstance(instance, Testimonial):
        return [instance, instance.product]
    if isinstance(instance, Criterion):
        # Product pages list their facts, whatever the reference index holds for them.
        return [instance, *Product.objects.filter(facts__criterion=instance).distinct()]
    return [instance]


@caching
def site_changed(sender, **kwargs):
    purge_site()
    bump_comparison_data()


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"page-cache-{signal}")
    post_page_move.connect(page_moved_or_deleted, dispatch_uid="page-cache-moved")
    # Deleting a page sends pre_delete with its specific class as the sender.
    pre_delete.connect(page_moved_or_deleted, dispatch_uid="page-cache-deleted")
    for model in (Product, Fact, Criterion, FactChange, Customer, Testimonial):
        for signal in (post_save, post_delete):
            signal.connect(snippet_changed, sender=model, dispatch_uid=f"page-cache-{model}")
    for signal in (published, unpublished):
        signal.connect(snippet_changed, sender=Testimonial, dispatch_uid=f"page-cache-t-{signal}")
    for model in (SiteSettings, get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(site_changed, sender=model, dispatch_uid=f"page-cache-{model}")
