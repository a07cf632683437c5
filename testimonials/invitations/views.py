"""The page behind an invitation's "stop" link: a customer stops, or restarts,
invitations. Only a POST changes anything: mail scanners open (GET) every link in a
message, and must not unsubscribe anyone. A POST from the mail program's own button
(RFC 8058 one-click, List-Unsubscribe-Post) unsubscribes as the page's button does."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.page_cache.signals import changed_in_bulk
from testimonials.links import unsubscribe_link
from testimonials.models import CustomerContact

TEMPLATE = "pages/customer_unsubscribe.html"
SUBSCRIBE = "subscribe"


# A mail program's one-click POST carries no cookie and no CSRF token; the signed link
# is what only the customer holds, and at worst a forged POST stops or restarts the
# invitations of the one customer whose link the forger already has.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    pk = unsubscribe_link.record_id(token)
    contacts = CustomerContact.objects.filter(pk=pk) if pk is not None else None
    contact = None
    if contacts is not None:
        contact = contacts.only("pk", "email", "unsubscribed_at").first()
    if contact is None:
        return render(request, TEMPLATE, {"state": "invalid"}, status=404)
    changed = None
    if request.method == "POST":
        if request.POST.get("action") == SUBSCRIBE:
            contact.restart_invitations()
            contact.unsubscribed_at, changed = None, "subscribed"
        else:
            # The first time counts: pressing again does not move the date.
            contact.stop_invitations()
            contact.unsubscribed_at, changed = contact.unsubscribed_at or timezone.now(), "stopped"
    if changed:
        # Written without signals: the report counting the unsubscribed is made stale.
        changed_in_bulk(CustomerContact, [contact])
    state = "unsubscribed" if contact.unsubscribed_at else "subscribed"
    return render(request, TEMPLATE, {"state": state, "changed": changed, "subscribe": SUBSCRIBE})
