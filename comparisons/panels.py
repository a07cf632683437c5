from wagtail.admin.panels import InlinePanel, MultipleChooserPanel
from wagtail.admin.panels.base import get_form_for_model

from home.chosen_rows import ChosenOncePanelMixin


class InlinePanelWithForm(InlinePanel):
    """An InlinePanel whose child forms are built on ``form_class``.

    Wagtail builds child forms on its plain model form and ignores the child model's
    ``base_form_class`` (wagtail/wagtail#3175), so a child form could not add a field
    or a check of its own."""

    def __init__(self, relation_name, *args, form_class, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.form_class = form_class

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "form_class": self.form_class}

    def get_form_options(self):
        options = super().get_form_options()
        deferred = self.child_edit_handler.get_form_options().get("defer_required_on_fields")
        options["formsets"][self.relation_name]["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=self.form_class,
            **({"defer_required_on_fields": deferred} if deferred else {}),
        )
        return options


class RowsInlinePanel(ChosenOncePanelMixin, InlinePanelWithForm):
    """A product's facts: rows on ``form_class``, each row's choice of a criterion found
    once for them all."""


class RowsChooserPanel(ChosenOncePanelMixin, MultipleChooserPanel):
    """A comparison's products or criteria, each row's choice found once for them all."""
