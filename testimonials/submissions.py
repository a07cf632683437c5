from django.db import transaction
from django.utils import timezone

from home.uploads import private_storage
from testimonials.models.testimonials import Testimonial
from testimonials.notifications import send_submission_emails


def save_submission(form, page):
    """Store the testimonial as pending, its photo kept private until it is approved,
    then, once it is committed, send e-mails."""
    # Imported here: the submission page model imports this module while models load.
    from testimonials.photos import store_upload

    data = form.cleaned_data
    photo = None
    try:
        with transaction.atomic():
            if data.get("photo"):
                photo = store_upload(
                    data["photo"], title=f"Testimonial photo: {data['author_name']}"
                )
            testimonial = store_testimonial(data, photo, page)
            send_submission_emails(testimonial)  # queued once it is committed
    except Exception:
        # The image's row is rolled back, not its file: nobody could find it to erase.
        if photo is not None:
            private_storage().delete(photo.file.name)
        raise
    return testimonial


def store_testimonial(data, photo, page):
    return Testimonial.objects.create(
        product=data["product"],
        quote=data["quote"],
        rating=data["rating"],
        author_name=data["author_name"],
        author_role=data["author_role"],
        author_company=data["author_company"],
        email=data["email"],
        photo=photo,
        relationship=data["relationship"],
        incentive=data["incentive"],
        incentive_detail=data["incentive_detail"],
        consent_name=data["consent_name"],
        consent_company=data["consent_company"],
        consent_photo=data["consent_photo"],
        consent_given_at=timezone.now(),
        source=Testimonial.Source.FORM,
        submitted_via=page,
        live=False,
    )
