"""What a cell of an imported file names: one of our products, a language, one of a
model's choices. Spreadsheets spell these as people say them ("English", "日本語",
"Legitimate interests", "fernhill desk"), so each is matched by its code or its label,
in English or Japanese, whatever the case, width or spacing; anything else is an error
for the editor to correct, never a guess."""

from django.conf import settings
from django.utils import translation

from comparisons.models import Product
from home.form_input import normalised


def key(value):
    """How two spellings of one name are compared."""
    return " ".join(normalised(str(value)).replace("_", " ").replace("-", " ").split()).casefold()


def our_products():
    """Our products as editors name them in a file: by their English (original) names."""
    return {key(product.name): product for product in Product.objects.ours()}


def choice_lookup(choices, *also):
    """Codes and labels of ``choices`` (in every language the site speaks), and any
    further (spelling, code) pairs, mapped to the code."""
    lookup = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in choices:
                lookup[key(label)] = code
    for code, _label in choices:
        lookup[key(code)] = code
    lookup.update({key(spelling): code for spelling, code in also})
    return lookup


def language_lookup():
    """en/ja, their names ("English", "日本語"), and "Japanese" spelt in English."""
    codes = dict(settings.LANGUAGES)
    named = [("english", "en"), ("英語", "en"), ("japanese", "ja"), ("日本語", "ja")]
    return choice_lookup(settings.LANGUAGES, *[pair for pair in named if pair[1] in codes])
