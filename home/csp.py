"""Content-Security-Policy: strict on the public site, relaxed in the admin.

The public templates load only their own scripts and styles, so the policy needs no
'unsafe-inline' and no nonces (a nonce would be wrong in a cached page). Wagtail's
admin relies on inline scripts and styles and gets a policy of its own."""

from django.conf import settings
from django.urls import reverse

from csp.constants import NONE
from csp.middleware import CSPMiddleware
from csp.utils import default_config


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A view whose response may be framed by other sites sets
    ``response.frame_ancestors`` to the origins allowed to do so."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_request(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        frame_ancestors = getattr(response, "frame_ancestors", None)
        if frame_ancestors is not None:
            parts.replace = {**(parts.replace or {}), "frame-ancestors": frame_ancestors or [NONE]}
        return parts


def is_admin_request(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))
