"""What counted against a public form's limit, and how the refusal says so.

django-ratelimit keeps one count per client address and form; beside it, each send
that counts records why it counted (home.anti_abuse: only what a bot does), in the
same shared store of limits and for the same window. When the limit is reached the
visitor reads what was counted from their connection, in words that fit every public
form (a testimonial, a change to one, a demo request, an inaccuracy report): that sends
were received and saved, or stored a photo while the form was corrected, or that the
form was sent faster than a person types, sent twice, or with the field only bots fill
in. Then that nothing was saved and when to try
again; Retry-After says the same in seconds."""

import contextlib
import math
import time
from datetime import timedelta

from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext, ngettext

from home.client_ip import client_digest
from home.limits_cache import limits_cache

STORED = "stored"
BOT_TRAP = "bot_trap"
TOO_FAST = "too_fast"
REUSED = "reused"
# A photo stored privately while the visitor corrects the rest of the form (it is a file
# on the server, whoever sent it).
KEPT_PHOTO = "kept_photo"
CAUSES = (STORED, KEPT_PHOTO, TOO_FAST, REUSED, BOT_TRAP)


def cause_key(request, group, usage, cause):
    # django-ratelimit's window ends at int(now) + time_left: the same for every send in it.
    window_end = int(time.time()) + usage["time_left"]
    client = client_digest(request, "form-limit")
    return f"form-limit-cause:{group}:{client}:{window_end}:{cause}"


def record(request, group, usage, cause):
    """Note that a send counted in ``usage`` counted because of ``cause``."""
    if not usage:
        return
    key = cause_key(request, group, usage, cause)
    store = limits_cache()
    store.add(key, 0, usage["time_left"] + 60)
    # Gone between the two calls only if its window is over.
    with contextlib.suppress(ValueError):
        store.incr(key)


def counted(request, group, usage):
    """How many sends counted for each cause in the current window."""
    keys = {cause: cause_key(request, group, usage, cause) for cause in CAUSES}
    found = limits_cache().get_many(keys.values())
    return {cause: found.get(key, 0) for cause, key in keys.items()}


def cause_sentence(cause, count):
    values = {"count": count}
    if cause == STORED:
        return (
            ngettext(
                "%(count)s was received and saved.", "%(count)s were received and saved.", count
            )
            % values
        )
    if cause == KEPT_PHOTO:
        return (
            ngettext(
                "%(count)s stored a photo while the rest of the form was corrected.",
                "%(count)s stored photos while the rest of the form was corrected.",
                count,
            )
            % values
        )
    if cause == TOO_FAST:
        return (
            ngettext(
                "%(count)s was sent faster than a person can type.",
                "%(count)s were sent faster than a person can type.",
                count,
            )
            % values
        )
    if cause == REUSED:
        return (
            ngettext(
                "%(count)s sent a page of the form that had already been sent once.",
                "%(count)s sent pages of the form that had already been sent once.",
                count,
            )
            % values
        )
    return (
        ngettext(
            "%(count)s filled in the field marked “Leave this field empty”.",
            "%(count)s filled in the field marked “Leave this field empty”.",
            count,
        )
        % values
    )


def limit_reached_message(usage, window_seconds, causes):
    """What the visitor over the limit reads; ``causes`` as ``counted`` gives them."""
    sentences = [
        gettext(
            "We counted %(sends)s of this form from your connection within %(window)s, "
            "the most we accept."
        )
        % {
            "sends": ngettext("%(count)s send", "%(count)s sends", usage["count"])
            % {"count": usage["count"]},
            "window": in_minutes(window_seconds),
        },
        *(cause_sentence(cause, causes[cause]) for cause in CAUSES if causes.get(cause)),
        gettext("Nothing was saved this time. Please try again in %(wait)s.")
        % {"wait": in_minutes(usage["time_left"])},
        gettext("(Everyone on a shared network, such as an office, counts as one connection.)"),
    ]
    return " ".join(sentences)


def in_minutes(seconds):
    """'1 minute', '1 hour, 30 minutes': whole minutes rounded up, never less than one,
    in Django's translated words."""
    now = timezone.now()
    return timeuntil(now + timedelta(minutes=max(1, math.ceil(seconds / 60))), now, depth=2)
