"""What moderators and editors see of an advocate's photo: the private file, shown in
the testimonial's edit form through a permission-checked admin view, never through
an address under MEDIA_URL."""

import mimetypes

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from wagtail.admin.panels import Panel
from wagtail.permission_policies import ModelPermissionPolicy

from home.uploads import private_storage

# Who works on testimonials: editors (change) and moderators (change, publish).
PERMISSIONS = ["change", "publish"]


def sent_photo(request, pk):
    # Imported here: the testimonial model imports this module for its panel.
    from testimonials.models import Testimonial
    from testimonials.photos import is_advocates_photo

    if not ModelPermissionPolicy(Testimonial).user_has_any_permission(request.user, PERMISSIONS):
        raise PermissionDenied
    testimonial = get_object_or_404(Testimonial.objects.select_related("photo"), pk=pk)
    image = testimonial.photo
    if not is_advocates_photo(image):
        raise Http404
    try:
        file = private_storage().open(image.file.name)
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(file, content_type=mimetypes.guess_type(image.file.name)[0])
    response["Cache-Control"] = "private, no-store"
    return response


def admin_urls():
    return [path("testimonials/<int:pk>/photo/", sent_photo, name="testimonial_photo")]


class SentPhotoPanel(Panel):
    """The photo as its author sent it (stripped of metadata), whether or not it is
    public yet, with where it is kept."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "components/admin/sent_photo_panel.html"

        def is_shown(self):
            from testimonials.photos import is_advocates_photo

            instance = self.instance
            return bool(instance.pk and is_advocates_photo(instance.photo) and super().is_shown())

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["url"] = reverse("testimonial_photo", args=[self.instance.pk])
            context["photo"] = self.instance.photo
            context["days"] = settings.TESTIMONIAL_REJECTED_PHOTO_DAYS
            return context
