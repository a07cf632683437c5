import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Sources must be pages a reader can open in a browser.
# Its own error code, so Django does not swap in the generic "Enter a valid URL".
validate_web_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address starting with http:// or https://."),
    code="not_web_url",
)

# A comparison states what ships today; promises belong elsewhere.
FUTURE_PROMISE = re.compile(
    r"\b(coming soon|on (?:the|our) roadmap|roadmap|planned|in development|next release)\b",
    re.IGNORECASE,
)


def validate_not_in_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(
            "The verified-on date cannot be in the future: enter the day someone "
            "actually checked the source."
        )


def validate_no_future_promise(value):
    if value and FUTURE_PROMISE.search(value):
        raise ValidationError(
            "Facts describe what is available today. Leave out features that are "
            "planned or coming soon, and record them once they ship."
        )
