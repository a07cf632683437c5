import re

from django.core.exceptions import ValidationError

ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def normalise(text):
    return " ".join(text.split())


def validate_excerpt(excerpt, quote):
    """An excerpt may only shorten the customer's words: pieces of the original, in
    order, joined by an ellipsis where something was left out."""
    if not excerpt:
        return
    if not ELLIPSIS.search(excerpt):
        raise ValidationError(
            "Mark where words were left out with an ellipsis (…). An excerpt may only "
            "shorten the original, never reword it."
        )
    original = normalise(quote)
    position = 0
    for piece in filter(None, (normalise(p) for p in ELLIPSIS.split(excerpt))):
        found = original.find(piece, position)
        if found == -1:
            raise ValidationError(
                f"“{piece[:60]}” is not in the customer's original words. An excerpt may "
                "only leave words out; it cannot change or add any."
            )
        position = found + len(piece)
    if len(normalise(excerpt)) >= len(original):
        raise ValidationError("An excerpt must be shorter than the original.")
