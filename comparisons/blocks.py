from wagtail import blocks


class PointBlock(blocks.StructBlock):
    """One strength, limitation or audience, stated plainly with its reason."""

    title = blocks.CharBlock(max_length=120)
    detail = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "list-ul"
        template = "components/point_block.html"


class PlanBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=60, help_text='e.g. "Pro"')
    price = blocks.CharBlock(max_length=40, help_text='As readers pay it, e.g. "$29".')
    billing = blocks.CharBlock(
        max_length=80, required=False, help_text='e.g. "per agent per month, billed yearly"'
    )
    includes = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "tag"
        template = "components/plan_block.html"
