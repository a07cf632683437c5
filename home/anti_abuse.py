"""What every public form does before it trusts a visitor: a hidden field only bots
fill in, a signed token saying which form was shown and when (people take a few seconds
to type; a token is good for one send), and a limit on how often one client address may
send it.

The limit counts what a bot does: a stored send, a filled-in hidden field, a token sent
too fast or a second time. A person who mistypes an e-mail address is shown what to
correct and loses nothing. Over the limit, the page says which of these were counted
(``home.form_limits``). Counts and used tokens are kept in the shared store of
limits (``home.limits_cache``), so every app server sees the same ones.

A form subclasses ``PublicForm``; the page or view that shows it calls
``serve_public_form`` so each form gets the same answers: 429 when the limit is
reached, a silent thank-you for a bot, 400 for input to correct."""

import math
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from django_ratelimit.core import _split_rate, get_usage

from home import form_limits
from home.form_input import NormalisedInput
from home.limits_cache import limits_cache

TIMESTAMP_SALT = "candor.form-rendered-at"
# A form shown more than a day ago is stale: ask for a reload rather than trust it.
TIMESTAMP_MAX_AGE = 24 * 3600

EXPIRED_MESSAGE = _(
    "This form has expired. Please copy your text, reload the page and send it again."
)
TOO_FAST_MESSAGE = _(
    "That was quicker than anyone can type. Please check your text and send it again."
)
# What a person never does, so it counts against the client's limit.
AUTOMATED_TOKEN_ERRORS = (form_limits.TOO_FAST, form_limits.REUSED)


def used_token_key(token_id):
    return f"form-token-used:{token_id}"


class PublicForm(NormalisedInput, forms.Form):
    """A form anyone may send. Subclasses name the settings that tune it. What is
    sent for codes and numbers is read with full-width characters folded
    (home.form_input); free text is kept as sent."""

    # Names of settings: the least number of seconds between showing and sending,
    # and the django-ratelimit rate per client address, e.g. "5/m".
    min_seconds_setting = None
    rate_limit_setting = None
    # Names the form in its limit and in its tokens: a token shown with one form is
    # refused by every other.
    rate_limit_group = None

    # Left empty by people; bots fill in every field they find.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    rendered_at = forms.CharField(
        widget=forms.HiddenInput, error_messages={"required": EXPIRED_MESSAGE}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new token each time the empty form is shown. Shown again with errors, the
        # form keeps the visitor's token: nothing was stored with it.
        self.fields["rendered_at"].initial = self.time_token

    @classmethod
    def time_token(cls, at=None):
        """A signed token for this form, shown at ``at`` (now by default)."""
        shown_at = time.time() if at is None else at
        token_id = secrets.token_urlsafe(12)
        return signing.dumps([cls.rate_limit_group, shown_at, token_id], salt=TIMESTAMP_SALT)

    def signed_token(self):
        """(shown at, token id) of a genuine, unexpired token for this form, else None."""
        try:
            group, shown_at, token_id = signing.loads(
                self.data.get("rendered_at", ""), salt=TIMESTAMP_SALT, max_age=TIMESTAMP_MAX_AGE
            )
        except (signing.BadSignature, TypeError, ValueError):
            return None
        if group != self.rate_limit_group:
            return None
        return shown_at, token_id

    def clean_rendered_at(self):
        token = self.signed_token()
        if token is None:
            raise ValidationError(EXPIRED_MESSAGE, code="expired")
        shown_at, token_id = token
        if limits_cache().has_key(used_token_key(token_id)):
            raise ValidationError(EXPIRED_MESSAGE, code="reused")
        if time.time() - shown_at < getattr(settings, self.min_seconds_setting):
            raise ValidationError(TOO_FAST_MESSAGE, code="too_fast")
        return shown_at

    def use_token(self):
        """Mark the token used; False if it already was (the same form sent twice at once)."""
        token = self.signed_token()
        if token is None:
            return True
        return limits_cache().add(used_token_key(token[1]), True, TIMESTAMP_MAX_AGE)

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def send_usage(self, request, count):
        """django-ratelimit's usage of this form from the client's address; ``count``
        adds this send to it."""
        return get_usage(
            request,
            group=self.rate_limit_group,
            key="ip",
            rate=getattr(settings, self.rate_limit_setting),
            method="POST",
            increment=count,
        )

    def count_send(self, request, cause):
        """Add this send to the client's usage, noting why it counts (form_limits)."""
        usage = self.send_usage(request, count=True)
        if cause is not None:
            form_limits.record(request, self.rate_limit_group, usage, cause)
        return usage

    def automated_cause(self):
        for code in AUTOMATED_TOKEN_ERRORS:
            if self.has_error("rendered_at", code=code):
                return code
        return None

    def refuse_over_limit(self, request, usage):
        self.is_valid()  # so the page shows the visitor's input back with the reason
        self.retry_after = max(1, math.ceil(usage["time_left"]))
        causes = form_limits.counted(request, self.rate_limit_group, usage)
        message = form_limits.limit_reached_message(usage, self.rate_limit_window(), causes)
        self.add_error(None, ValidationError(message, code="limit_reached"))

    def rate_limit_window(self):
        return _split_rate(getattr(settings, self.rate_limit_setting))[1]


def serve_public_form(request, form, render, save, thanks_url):
    """Answer a GET or POST of a public form.

    ``form`` is the bound (on POST) or unbound form, ``render(form)`` returns the page
    showing it, ``save(form)`` stores valid input and ``thanks_url()`` says where to go
    next. Nothing is stored when the client is over its limit, and a bot is thanked
    without anything being stored."""
    status = 200
    if request.method == "POST":
        status = answer_post(request, form, save)
        if status is None:
            return redirect(thanks_url())
    response = render(form)
    response.status_code = status
    if status == 429:
        response["Retry-After"] = str(form.retry_after)
    # The form carries a CSRF token: it must never be served from a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


def answer_post(request, form, save):
    """The status to show the form again with, or None once it is stored or a bot
    is to be thanked."""
    usage = form.send_usage(request, count=False)
    if usage and usage["count"] >= usage["limit"]:
        form.refuse_over_limit(request, usage)
        return 429
    if form.is_bot:
        form.count_send(request, form_limits.BOT_TRAP)
        form.use_token()
        return None
    if not form.is_valid():
        cause = form.automated_cause()
        if cause:
            form.count_send(request, cause)
        return 400
    # Counted before it is stored, so two sends at once cannot both be the last one allowed.
    usage = form.count_send(request, None)
    if usage and usage["should_limit"]:
        form.refuse_over_limit(request, usage)
        return 429
    if not form.use_token():
        form_limits.record(request, form.rate_limit_group, usage, form_limits.REUSED)
        form.add_error("rendered_at", ValidationError(EXPIRED_MESSAGE, code="reused"))
        return 400
    form_limits.record(request, form.rate_limit_group, usage, form_limits.STORED)
    save(form)
    return None
