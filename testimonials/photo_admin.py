"""What moderators and editors see of an advocate's photo: the private file, shown in
the testimonial's edit form (panels.SentPhotoPanel) through this permission-checked
admin view, never through an address under MEDIA_URL."""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail.permission_policies import ModelPermissionPolicy

from home.uploads import private_storage
from testimonials.models import Testimonial
from testimonials.photos import is_advocates_photo

# Who works on testimonials: editors (change) and moderators (change, publish).
PERMISSIONS = ["change", "publish"]


def sent_photo(request, pk):
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
