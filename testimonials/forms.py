"""The public's forms: a testimonial (sent, then changed by its author), the NPS
survey's one question, and the demo request form editors build. Everything in them is
untrusted. They work on what they are given: the models are built with them."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from comparisons.models import Product
from home.anti_abuse import PublicForm
from home.form_input import NormalisedInput
from home.form_widgets import Select
from home.languages import language_of, reader_language
from home.text_limits import LimitedTextField, counted_textarea, up_to
from home.uploads import validate_decodable, validate_raster_image
from testimonials.choices import CUSTOMER_OWNED_FIELDS, QUOTE_MAX_LENGTH, Incentive, Relationship
from testimonials.kept_photos import KeepsPhoto


def _out_of_five(stars):
    return gettext("%(rating)s out of 5") % {"rating": stars}


# "4 out of 5" in the language of the page the choice is shown on.
out_of_five = lazy(_out_of_five, str)


class TestimonialSubmissionForm(KeepsPhoto, PublicForm):
    """What an advocate fills in. Everything here is untrusted: validated, limited in
    length, stored as text and escaped wherever it is shown."""

    min_seconds_setting = "TESTIMONIAL_MIN_SECONDS"
    rate_limit_setting = "TESTIMONIAL_RATE_LIMIT"
    rate_limit_group = "testimonial-submission"

    product = forms.ModelChoiceField(
        # Our products (not their translations), chosen once models are loaded.
        queryset=Product.objects.none(),
        label=_("Product"),
        empty_label=_("Choose a product"),
        widget=Select,
        error_messages={"invalid_choice": _("Choose one of our products from the list.")},
    )
    quote = LimitedTextField(
        label=_("Your experience, in your own words"),
        max_length=QUOTE_MAX_LENGTH,
        help_text=up_to(QUOTE_MAX_LENGTH),
        widget=counted_textarea(QUOTE_MAX_LENGTH, rows=6),
        error_messages={"required": _("Tell us about your experience: this field is empty.")},
    )
    # Each language named in itself, as a reader of it looks for it.
    language = forms.ChoiceField(
        label=_("Language of your testimonial"),
        choices=settings.LANGUAGES,
        required=False,
        widget=Select,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    rating = forms.TypedChoiceField(
        label=_("Your rating (optional)"),
        choices=[("", _("No rating"))] + [(n, out_of_five(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a rating from 1 to 5.")},
    )
    author_name = forms.CharField(label=_("Your name"), max_length=100)
    author_role = forms.CharField(label=_("Your role"), max_length=100, required=False)
    author_company = forms.CharField(label=_("Your company"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "Never shown. We send you a link to change or withdraw your testimonial at any time."
        ),
    )
    photo = forms.ImageField(
        label=_("A photo of you (optional)"), required=False, validators=[validate_raster_image]
    )
    # The photo the form kept while the visitor corrected something else (kept_photos.py).
    kept_photo = forms.CharField(widget=forms.HiddenInput, required=False)
    forget_kept_photo = forms.BooleanField(label=_("Remove this photo"), required=False)
    relationship = forms.ChoiceField(
        label=_("How are you connected to us?"),
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        initial=Relationship.CUSTOMER,
    )
    incentive = forms.ChoiceField(
        label=_("Did you receive anything for writing this?"),
        choices=Incentive.choices,
        widget=forms.RadioSelect,
        initial=Incentive.NONE,
    )
    incentive_detail = forms.CharField(label=_("If so, what?"), max_length=200, required=False)
    consent_publish = forms.BooleanField(
        label=_("I agree that my words and rating may be published on this site."),
        error_messages={"required": _("We can only publish your testimonial with your consent.")},
    )
    consent_name = forms.BooleanField(label=_("You may show my name"), required=False)
    consent_company = forms.BooleanField(label=_("You may show my company"), required=False)
    consent_photo = forms.BooleanField(label=_("You may show my photo"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "product" in self.fields:
            self.fields["product"].queryset = Product.objects.ours()
        if "language" not in self.initial:
            # The language of the page the form is on, which the customer may change.
            page = getattr(self, "page", None)
            self.initial["language"] = page.locale.language_code if page else reader_language()

    # The product an invitation names, when there is one.
    fixed_product = None

    def fix_product(self, product):
        """An invitation names the product: shown, not chosen. A disabled field keeps
        its initial value whatever a crafted POST sends."""
        field = self.fields["product"]
        field.queryset = Product.objects.filter(pk=product.pk)
        field.disabled = True
        self.initial["product"] = product.pk
        self.fixed_product = product

    def written_language(self, cleaned_data):
        """The language the customer chose, or, if they left the page's language as it
        was, Japanese when what they wrote is obviously Japanese."""
        initial = self.initial["language"]
        chosen = cleaned_data.get("language") or initial
        if chosen != initial:
            return chosen
        return language_of(cleaned_data.get("quote"), otherwise=chosen)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        if photo.size > settings.TESTIMONIAL_PHOTO_MAX_BYTES:
            raise ValidationError(
                _("The photo is %(size)s; the limit is %(limit)s."),
                code="photo_too_large",
                params={
                    "size": filesizeformat(photo.size),
                    "limit": filesizeformat(settings.TESTIMONIAL_PHOTO_MAX_BYTES),
                },
            )
        width, height = photo.image.size
        limit = settings.TESTIMONIAL_PHOTO_MAX_PIXELS
        if max(width, height) > limit:
            raise ValidationError(
                _(
                    "The photo is %(width)s × %(height)s pixels; the limit is %(limit)s on "
                    "either side."
                ),
                code="photo_too_wide",
                params={"width": width, "height": height, "limit": limit},
            )
        validate_decodable(photo, pixel_budget=limit * limit)
        return photo

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["language"] = self.written_language(cleaned_data)
        incentive = cleaned_data.get("incentive")
        something_given = incentive and incentive != Incentive.NONE
        if something_given and not cleaned_data.get("incentive_detail"):
            self.add_error("incentive_detail", _("Tell us what you received."))
        self.use_kept_photo(cleaned_data)
        self.valid_photo = cleaned_data.get("photo")
        if cleaned_data.get("photo") and not cleaned_data.get("consent_photo"):
            self.add_error(
                "photo",
                _("You added a photo but did not allow us to show it: tick the box or remove it."),
            )
        return cleaned_data


class TestimonialChangeForm(TestimonialSubmissionForm):
    """What the author may change later through their own link: their words, rating
    and answers, with the same labels, limits and checks as when they sent them. Who
    they are, their product and their photo are not part of it."""

    rate_limit_group = "testimonial-change"

    product = None
    author_name = None
    author_role = None
    author_company = None
    email = None
    photo = None
    kept_photo = None
    forget_kept_photo = None

    @classmethod
    def for_testimonial(cls, testimonial, data=None):
        """The form filled in with what is stored; consent to publish is asked again,
        as it covers the new words."""
        initial = {name: getattr(testimonial, name) for name in testimonial.CUSTOMER_OWNED_FIELDS}
        initial["language"] = testimonial.language
        return cls(data, initial=initial)

    def written_language(self, cleaned_data):
        """Unchanged words keep the language stored for them unless the author chooses
        another: sending the form as it was shown changes nothing."""
        if cleaned_data.get("quote") == self.initial.get("quote"):
            return cleaned_data.get("language") or self.initial["language"]
        return super().written_language(cleaned_data)

    def customer_answers(self):
        return {
            name: self.cleaned_data[name]
            for name in CUSTOMER_OWNED_FIELDS
            if name in self.cleaned_data
        }


NPS_SCORES = [(score, str(score)) for score in range(11)]
COMMENT_MAX_LENGTH = 1000


class NpsAnswerForm(NormalisedInput, forms.Form):
    """The survey's one question, 0 to 10, and room to say why."""

    score = forms.TypedChoiceField(
        choices=NPS_SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("0 means not at all likely, 10 extremely likely."),
        error_messages={"required": _("Choose a number from 0 to 10.")},
    )
    comment = forms.CharField(
        label=_("What is the main reason for your score? (optional)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].label = question


# The longest answer a visitor may give in a demo request's text field (LimitedTextField).
SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 5000


class DemoRequestForm(BaseForm, PublicForm):
    """The fields editors build, plus the checks every public form makes."""

    min_seconds_setting = "DEMO_REQUEST_MIN_SECONDS"
    rate_limit_setting = "DEMO_REQUEST_RATE_LIMIT"
    rate_limit_group = "demo-request"

    def clean(self):
        cleaned_data = super().clean()
        # The checks' own fields are not answers: neither stored nor e-mailed.
        for name in PublicForm.base_fields:
            cleaned_data.pop(name, None)
        return cleaned_data


class DemoRequestFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("DemoRequestForm", (DemoRequestForm,), self.formfields)

    def create_singleline_field(self, field, options):
        return LimitedTextField(max_length=SINGLE_LINE_MAX, **options)

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea)
        return LimitedTextField(max_length=MULTI_LINE_MAX, **options)

    def create_hidden_field(self, field, options):
        options.setdefault("widget", forms.HiddenInput)
        return LimitedTextField(max_length=SINGLE_LINE_MAX, **options)
