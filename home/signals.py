from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.templatetags.navigation_tags import MENU_CACHE_KEY


def clear_menus(**kwargs):
    cache.delete_many(
        [
            MENU_CACHE_KEY.format(site_id=pk, language=language)
            for pk in Site.objects.values_list("pk", flat=True)
            for language, _name in settings.LANGUAGES
        ]
    )


# Anything that can change which pages the menu lists, or their titles and URLs.
page_published.connect(clear_menus, dispatch_uid="menu-published")
page_unpublished.connect(clear_menus, dispatch_uid="menu-unpublished")
post_page_move.connect(clear_menus, dispatch_uid="menu-moved")
post_delete.connect(clear_menus, sender=Page, dispatch_uid="menu-deleted")
for model in (PageViewRestriction, Site):
    post_save.connect(clear_menus, sender=model, dispatch_uid=f"menu-{model.__name__}-saved")
    post_delete.connect(clear_menus, sender=model, dispatch_uid=f"menu-{model.__name__}-deleted")
