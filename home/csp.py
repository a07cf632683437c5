"""Content-Security-Policy: strict on the public site, relaxed in the admin.

The public templates load only their own scripts and styles, so the policy needs no
'unsafe-inline' and no nonces (a nonce would be wrong in a cached page). Wagtail's
admin relies on inline scripts and styles and gets a policy of its own.

Both allow images from where uploaded files are served: the site itself, or, with
media on S3, the bucket's or its custom domain's origin, and that one origin only."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A view whose response may be framed by other sites sets
    ``response.frame_ancestors`` to the origins allowed to do so. A preview is framed
    by the admin's preview panel, on this site: Wagtail renders it through the public
    middleware (the request for the page's own address), so it gets the public
    policy, but may be framed by this origin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_request(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        frame_ancestors = getattr(response, "frame_ancestors", None)
        if frame_ancestors is None and getattr(request, "is_preview", False):
            frame_ancestors = [SELF]
        if frame_ancestors is not None:
            parts.replace = {**(parts.replace or {}), "frame-ancestors": frame_ancestors or [NONE]}
        media = media_origin()
        if media:
            update = parts.update or {}
            parts.update = {**update, "img-src": [*update.get("img-src", []), media]}
        return parts


def is_admin_request(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


def media_origin():
    """The origin uploaded files are served from when it is not the site's own (media
    on S3), else None. Asked of the storage, which knows its bucket and domain."""
    url = urlsplit(default_storage.url("candor"))
    return f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else None
