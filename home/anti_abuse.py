"""What every public form does before it trusts a visitor: a hidden field only bots
fill in, a signed time the form was shown (people take a few seconds to type), and a
limit on how often one client address may send it.

A form subclasses ``PublicForm``; the page or view that shows it calls
``serve_public_form`` so each form gets the same answers: 429 when the limit is
reached, a silent thank-you for a bot, 400 for input to correct."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from django_ratelimit.core import is_ratelimited

TIMESTAMP_SALT = "candor.form-rendered-at"
# A form shown more than a day ago is stale: ask for a reload rather than trust it.
TIMESTAMP_MAX_AGE = 24 * 3600

EXPIRED_MESSAGE = _(
    "This form has expired. Please copy your text, reload the page and send it again."
)
TOO_FAST_MESSAGE = _(
    "That was quicker than anyone can type. Please check your text and send it again."
)


def form_timestamp():
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


class PublicForm(forms.Form):
    """A form anyone may send. Subclasses name the settings that tune it."""

    # Names of settings: the least number of seconds between showing and sending,
    # and the django-ratelimit rate per client address, e.g. "5/m".
    min_seconds_setting = None
    rate_limit_setting = None
    rate_limit_group = None
    rate_limited_message = _(
        "You have sent this form several times in the last minute. Please wait a minute "
        "and send it again; nothing was saved."
    )

    # Left empty by people; bots fill in every field they find.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    rendered_at = forms.CharField(
        widget=forms.HiddenInput,
        initial=form_timestamp,
        error_messages={"required": EXPIRED_MESSAGE},
    )

    def clean_rendered_at(self):
        try:
            rendered_at = signing.loads(
                self.cleaned_data["rendered_at"], salt=TIMESTAMP_SALT, max_age=TIMESTAMP_MAX_AGE
            )
        except signing.BadSignature as error:
            raise ValidationError(EXPIRED_MESSAGE) from error
        if time.time() - rendered_at < getattr(settings, self.min_seconds_setting):
            raise ValidationError(TOO_FAST_MESSAGE)
        return rendered_at

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def is_rate_limited(self, request):
        """Count this sending against the client's address; True once over the limit,
        with the reason added to the form so the page can say it."""
        limited = is_ratelimited(
            request,
            group=self.rate_limit_group,
            key="ip",
            rate=getattr(settings, self.rate_limit_setting),
            method="POST",
            increment=True,
        )
        if limited:
            self.is_valid()  # so the page shows the visitor's input back with the reason
            self.add_error(None, self.rate_limited_message)
        return limited


def serve_public_form(request, form, render, save, thanks_url):
    """Answer a GET or POST of a public form.

    ``form`` is the bound (on POST) or unbound form, ``render(form)`` returns the page
    showing it, ``save(form)`` stores valid input and ``thanks_url()`` says where to go
    next. Nothing is stored when the client is over its limit, and a bot is thanked
    without anything being stored."""
    status = 200
    if request.method == "POST":
        if form.is_rate_limited(request):
            status = 429
        elif form.is_bot:
            return redirect(thanks_url())
        elif form.is_valid():
            save(form)
            return redirect(thanks_url())
        else:
            status = 400
    response = render(form)
    response.status_code = status
    # The form carries a CSRF token: it must never be served from a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response
