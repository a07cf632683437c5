from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.anti_abuse import serve_public_form
from testimonials.author_edits import record_author_change, withdraw
from testimonials.forms import TestimonialChangeForm
from testimonials.links import withdrawal_link
from testimonials.models import Testimonial

TEMPLATE = "pages/testimonial_change_or_withdraw.html"
# The name of the withdraw button; the change form is the page's other form.
WITHDRAW = "withdraw"
# Where the change form leads once saved: ?changed=<outcome>.
OUTCOMES = ("taken-down", "pending", "nothing")


@never_cache
@require_http_methods(["GET", "POST"])
def change_or_withdraw(request, token):
    """The advocate's private link: change what they wrote (an editor reads it again
    before it is shown), or withdraw it, hidden at once."""
    pk = withdrawal_link.record_id(token)
    testimonial = (
        Testimonial.objects.select_related("product").filter(pk=pk).first() if pk else None
    )
    if testimonial is None:
        return render(request, TEMPLATE, {"state": "invalid"}, status=404)

    def page(state, status=200, **context):
        context.update(state=state, testimonial=testimonial)
        return render(request, TEMPLATE, context, status=status)

    try:
        if request.method == "POST" and WITHDRAW in request.POST:
            withdraw(testimonial)
            return page("withdrawn")
        testimonial.check_author_may_change()
        outcome = request.GET.get("changed")
        if request.method == "GET" and outcome in OUTCOMES:
            return page("changed", outcome=outcome)
        return serve_change_form(request, testimonial, page)
    except ValidationError as refusal:
        # Also when an editor rejected it while the author was typing.
        return page("refused", status=refused_status(refusal), reasons=refusal.messages)


def serve_change_form(request, testimonial, page):
    form = TestimonialChangeForm.for_testimonial(
        testimonial, request.POST if request.method == "POST" else None
    )
    outcome = {}

    def save(form):
        recorded = record_author_change(
            testimonial, form.customer_answers(), language=form.cleaned_data["language"]
        )
        if not recorded.changed_fields:
            outcome["changed"] = "nothing"
        else:
            outcome["changed"] = "taken-down" if recorded.taken_down else "pending"

    return serve_public_form(
        request,
        form,
        render=lambda form: page("choose", form=form, withdraw=WITHDRAW),
        save=save,
        thanks_url=lambda: f"{request.path}?changed={outcome.get('changed', 'pending')}",
    )


def refused_status(refusal):
    # Gone for good once withdrawn; a conflict with the moderation record if rejected.
    return 410 if refusal.code == "withdrawn" else 409
