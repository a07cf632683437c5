"""Advocates' photos in the admin. Each belongs to its testimonial: moderators and
editors see the private file in the testimonial's edit form (panels.SentPhotoPanel),
through a permission-checked view, never through an address under MEDIA_URL.

Wagtail's image library holds the images editors may use anywhere, and advocates'
photos are not among them: they have no public file to make a thumbnail from until a
moderator approves them. The library's listing and search, the image chooser and the
admin API's images leave them out, and the library's views of one image don't open
them."""

import mimetypes
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail.images import admin_urls as wagtail_image_urls
from wagtail.images import get_image_model
from wagtail.images.views.images import IndexView
from wagtail.permission_policies import ModelPermissionPolicy

from home.choosers import ChoosableImagesAdminAPIViewSet
from home.uploads import private_storage
from testimonials.models import Testimonial
from testimonials.photos import FOLDER, is_advocates_photo

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


def sent_photo_urls():
    return [path("testimonials/<int:pk>/photo/", sent_photo, name="testimonial_photo")]


def library_images(images):
    photos = images.model.objects.filter(file__startswith=f"{FOLDER}/")
    # By id, which search results can be filtered on, unlike the file's name.
    return images.exclude(pk__in=photos.values("pk"))


class ImageLibraryView(IndexView):
    def get_base_queryset(self):
        return library_images(super().get_base_queryset())


def not_an_advocates_photo(view):
    """Wagtail's ``view`` of one image, answering 404 for an advocate's photo: it is
    neither edited, replaced nor deleted from the library."""

    @wraps(view)
    def library_image_view(request, *args, image_id, **kwargs):
        if is_advocates_photo(get_object_or_404(get_image_model(), pk=image_id)):
            raise Http404
        return view(request, *args, image_id=image_id, **kwargs)

    return library_image_view


def library_urls():
    """The listing and its search results, and every view of one image, at the
    addresses Wagtail gives its own: Wagtail has no hook for which images these show,
    so they must be found first. The views of one image are Wagtail's own list, so one
    it adds later is covered too."""
    return [
        path("images/", ImageLibraryView.as_view()),
        path("images/results/", ImageLibraryView.as_view(results_only=True)),
        *(
            path(f"images/{pattern.pattern}", not_an_advocates_photo(pattern.callback))
            for pattern in wagtail_image_urls.urlpatterns
            if "<int:image_id>" in str(pattern.pattern)
        ),
    ]


class LibraryImagesAdminAPIViewSet(ChoosableImagesAdminAPIViewSet):
    def get_queryset(self):
        return library_images(super().get_queryset())
