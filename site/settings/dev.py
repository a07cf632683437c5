"""For a person trying Candor on their own machine."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", default=True)
# Only ever used on a developer's machine; production.py refuses to start without a real key.
SECRET_KEY = SECRET_KEY or "candor-dev-only-not-for-production"  # noqa: F405, S105

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
