from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text='Optional id for links to this section, e.g. "report-an-error".',
    )

    class Meta:
        icon = "title"
        template = "components/heading_block.html"


class BodyBlock(blocks.StreamBlock):
    """Prose for policy pages such as "How we compare"."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3"], icon="pilcrow"
    )

    class Meta:
        template = "components/body_block.html"
