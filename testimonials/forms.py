from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from comparisons.models import Product
from home.anti_abuse import PublicForm
from home.uploads import validate_raster_image
from testimonials.models.testimonials import Testimonial


class TestimonialSubmissionForm(PublicForm):
    """What an advocate fills in. Everything here is untrusted: validated, limited in
    length, stored as text and escaped wherever it is shown."""

    min_seconds_setting = "TESTIMONIAL_MIN_SECONDS"
    rate_limit_setting = "TESTIMONIAL_RATE_LIMIT"
    rate_limit_group = "testimonial-submission"
    rate_limited_message = (
        "You have sent several testimonials in the last minute. Please wait a "
        "minute and send this one again; nothing was saved."
    )

    product = forms.ModelChoiceField(
        queryset=Product.objects.ours(),
        empty_label="Choose a product",
        error_messages={"invalid_choice": "Choose one of our products from the list."},
    )
    quote = forms.CharField(
        label="Your experience, in your own words",
        max_length=Testimonial._meta.get_field("quote").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Tell us about your experience: this field is empty."},
    )
    rating = forms.TypedChoiceField(
        label="Your rating (optional)",
        choices=[("", "No rating")] + [(n, f"{n} out of 5") for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a rating from 1 to 5."},
    )
    author_name = forms.CharField(label="Your name", max_length=100)
    author_role = forms.CharField(label="Your role", max_length=100, required=False)
    author_company = forms.CharField(label="Your company", max_length=120, required=False)
    email = forms.EmailField(
        label="Your e-mail address",
        help_text="Never shown. We send you a link to withdraw your testimonial at any time.",
    )
    photo = forms.ImageField(
        label="A photo of you (optional)", required=False, validators=[validate_raster_image]
    )
    relationship = forms.ChoiceField(
        label="How are you connected to us?",
        choices=Testimonial.Relationship.choices,
        widget=forms.RadioSelect,
        initial=Testimonial.Relationship.CUSTOMER,
    )
    incentive = forms.ChoiceField(
        label="Did you receive anything for writing this?",
        choices=Testimonial.Incentive.choices,
        widget=forms.RadioSelect,
        initial=Testimonial.Incentive.NONE,
    )
    incentive_detail = forms.CharField(label="If so, what?", max_length=200, required=False)
    consent_publish = forms.BooleanField(
        label="I agree that my words and rating may be published on this site.",
        error_messages={"required": "We can only publish your testimonial with your consent."},
    )
    consent_name = forms.BooleanField(label="You may show my name", required=False)
    consent_company = forms.BooleanField(label="You may show my company", required=False)
    consent_photo = forms.BooleanField(label="You may show my photo", required=False)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        if photo.size > settings.TESTIMONIAL_PHOTO_MAX_BYTES:
            raise ValidationError(
                f"The photo is {filesizeformat(photo.size)}; the limit is "
                f"{filesizeformat(settings.TESTIMONIAL_PHOTO_MAX_BYTES)}."
            )
        width, height = photo.image.size
        limit = settings.TESTIMONIAL_PHOTO_MAX_PIXELS
        if max(width, height) > limit:
            raise ValidationError(
                f"The photo is {width} × {height} pixels; the limit is {limit} on either side."
            )
        return photo

    def clean(self):
        cleaned_data = super().clean()
        incentive = cleaned_data.get("incentive")
        something_given = incentive and incentive != Testimonial.Incentive.NONE
        if something_given and not cleaned_data.get("incentive_detail"):
            self.add_error("incentive_detail", "Tell us what you received.")
        if cleaned_data.get("photo") and not cleaned_data.get("consent_photo"):
            self.add_error(
                "photo",
                "You added a photo but did not allow us to show it: tick the box or remove it.",
            )
        return cleaned_data
