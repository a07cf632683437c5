"""Wagtail's ``{% picture %}`` tag, its filters made once per tag rather than per image.

Wagtail's tag turns its filter specs into filters on every image it renders: a
testimonial's photo (``format-{avif,webp,jpeg} fill-{64x64,128x128}``) is six filters,
each parsing its operations and checking their arguments against their signatures,
which cost more than finding the photo's renditions. A wall page shows several
photos. The filters depend only on the tag's own text, so each tag here keeps the ones
it made when first rendered; everything else (the renditions, the markup, the
attributes) is Wagtail's own. Load this library instead of ``wagtailimages_tags`` for
``picture``.
"""

from functools import cached_property

from django import template

from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class PictureNode(wagtailimages_tags.PictureNode):
    @cached_property
    def filters(self):
        # A filter holds only its spec and the operations parsed from it: the same
        # for every image, so shared by every render of the tag.
        return super().get_filters()

    def get_filters(self):
        return self.filters


@register.tag
def picture(parser, token):
    """``{% picture image format-{avif,jpeg} fill-{64x64,128x128} sizes="64px" %}``, as
    Wagtail's, whose parser checks it."""
    node = wagtailimages_tags.image(parser, token)
    return PictureNode(
        node.image_expr,
        node.filter_specs,
        output_var_name=node.output_var_name,
        attrs=node.attrs,
    )
