from wagtail.models import Site

from home.models import SiteSettings


def program_settings(request=None):
    """The advocate program's settings (periods, limits): those of the request's site,
    or of the default site for commands and admin forms."""
    if request is not None:
        return SiteSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()
