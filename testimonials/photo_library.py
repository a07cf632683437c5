"""Wagtail's image library holds the images editors may use anywhere. Advocates' photos
are not among them: each belongs to its testimonial, where moderators and editors see
it (photo_admin.py), and has no public file to make a thumbnail from until a moderator
approves it. The library's listing and search, the image chooser and the admin API's
images leave them out."""

from django.urls import path

from wagtail.images.views.images import IndexView

from home.choosers import ChoosableImagesAdminAPIViewSet
from testimonials.photos import FOLDER


def library_images(images):
    photos = images.model.objects.filter(file__startswith=f"{FOLDER}/")
    # By id, which search results can be filtered on, unlike the file's name.
    return images.exclude(pk__in=photos.values("pk"))


class ImageLibraryView(IndexView):
    def get_base_queryset(self):
        return library_images(super().get_base_queryset())


def admin_urls():
    """The listing and its search results at the addresses Wagtail gives its own:
    Wagtail has no hook for the listing's images, so these must be found first."""
    return [
        path("images/", ImageLibraryView.as_view()),
        path("images/results/", ImageLibraryView.as_view(results_only=True)),
    ]


class LibraryImagesAdminAPIViewSet(ChoosableImagesAdminAPIViewSet):
    def get_queryset(self):
        return library_images(super().get_queryset())
