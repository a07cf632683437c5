from wagtail.models import Locale


def japanese(page):
    """A published Japanese copy of ``page``, served under /ja/. Its parent must
    already have one, unless it is the home page."""
    locale, _ = Locale.objects.get_or_create(language_code="ja")
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
