from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Site

from testimonials.advocacy import reconfirmation
from testimonials.links import reconfirmation_link
from testimonials.models import Advocate, ReconfirmationRequest
from testimonials.referrals import count_visit, remember_referral

TEMPLATE = "pages/testimonial_reconfirm.html"


@never_cache
@require_GET
def follow_referral(request, code):
    """Count the visit, remember who referred it, and go on to the advocate's page."""
    advocate = (
        Advocate.objects.filter(referral_code=code.lower()).select_related("referral_page").first()
    )
    if advocate is None:
        raise Http404("No such referral link.")
    target = advocate.referral_page
    if target is None or not target.live:
        site = Site.find_for_request(request)
        target = site.root_page if site else None
    count_visit(request, advocate)
    response = redirect((target and target.get_url(request)) or "/")
    return remember_referral(response, advocate)


@never_cache
@require_http_methods(["GET", "POST"])
def reconfirm(request, token):
    """The author's private link: one button says they are still a customer."""
    pk = reconfirmation_link.record_id(token)
    asked = ReconfirmationRequest.objects.filter(pk=pk).first() if pk else None
    if asked is None:
        return render(request, TEMPLATE, {"state": "invalid"}, status=404)
    Outcome = ReconfirmationRequest.Outcome
    if request.method == "POST" and request.POST.get("answer") in ("yes", "no"):
        was_lapsed = asked.outcome == Outcome.LAPSED
        asked = reconfirmation.answer(asked, still_customer=request.POST["answer"] == "yes")
        return render(
            request, TEMPLATE, {"state": asked.outcome, "asked": asked, "was_lapsed": was_lapsed}
        )
    if asked.outcome in (Outcome.CONFIRMED, Outcome.NO_LONGER):
        return render(request, TEMPLATE, {"state": "answered", "asked": asked})
    testimonials = asked.testimonials.select_related("product").order_by("submitted_at")
    return render(
        request,
        TEMPLATE,
        {"state": "question", "asked": asked, "testimonials": testimonials},
    )
