from wagtail import blocks


class MetricBlock(blocks.StructBlock):
    """A measured result: where the customer started and where they are now."""

    label = blocks.CharBlock(max_length=80, help_text="e.g. “Median first reply”")
    before = blocks.DecimalBlock(decimal_places=2)
    after = blocks.DecimalBlock(decimal_places=2)
    unit = blocks.CharBlock(max_length=30, required=False, help_text="e.g. “hours”")
    note = blocks.CharBlock(
        max_length=160, required=False, help_text="How and over what period it was measured."
    )

    class Meta:
        icon = "pick"
        template = "components/metric_block.html"
