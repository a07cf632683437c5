from wagtail.models import Locale


def japanese(page):
    """A published Japanese copy of ``page``, served under /ja/. Its parent must
    already have one, unless it is the home page."""
    locale, _ = Locale.objects.get_or_create(language_code="ja")
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def in_japanese(page):
    """The Japanese copy of ``page``, made if it has none, its ancestors' first."""
    for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page]:
        translation = ancestor.get_translations().filter(locale__language_code="ja").first()
        if translation is None:
            translation = japanese(ancestor)
    return translation.specific
