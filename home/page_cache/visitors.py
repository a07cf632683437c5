"""Who may be served a page another visitor was served: anyone whose session holds
nothing. A session cookie alone proves nothing (anyone can make one up), so the
session it names is looked up: one read of the session cache (SESSION_ENGINE cached_db,
with Redis) or of its table, never a rendered page. A logged-in editor's session holds
their user, a visitor who gave a private page's password holds that: both are always
served their own page."""

from importlib import import_module

from django.conf import settings


def holds_nothing_of_theirs(request):
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return True
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    if session.session_key is None:  # not even shaped like a session key
        return True
    # load() answers {} for a key that names no live session, expired or made up.
    return not session.load()
