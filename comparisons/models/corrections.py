from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from comparisons.admin_forms import InaccuracyReportAdminForm
from comparisons.inaccuracy_reports import MAX_LENGTHS, send_decision_email
from comparisons.querysets import FactChangeManager
from comparisons.validators import validate_web_url


class InaccuracyReport(models.Model):
    """Someone, a competitor included, says a value on a comparison is wrong and
    points to the evidence. The values are the reporter's words: editors decide,
    they do not edit."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    page = models.ForeignKey(
        "comparisons.ComparisonPage",
        verbose_name=_("reported on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inaccuracy_reports",
    )
    product = models.ForeignKey(
        "comparisons.Product",
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="inaccuracy_reports",
    )
    criterion = models.ForeignKey(
        "comparisons.Criterion",
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="inaccuracy_reports",
    )
    plan = models.CharField(_("plan compared"), max_length=60)
    shown_value = models.CharField(
        _("value shown when reported"), max_length=300, blank=True, editable=False
    )
    claimed_value = models.CharField(
        _("value the reporter believes is correct"), max_length=MAX_LENGTHS["claimed_value"]
    )
    evidence_url = models.URLField(
        _("evidence"), max_length=MAX_LENGTHS["evidence_url"], validators=[validate_web_url]
    )
    explanation = models.TextField(
        _("explanation"), max_length=MAX_LENGTHS["explanation"], blank=True
    )
    reporter_name = models.CharField(
        _("reporter's name"), max_length=MAX_LENGTHS["reporter_name"], blank=True
    )
    reporter_organisation = models.CharField(
        _("reporter's organisation"), max_length=MAX_LENGTHS["reporter_organisation"], blank=True
    )
    email = models.EmailField(
        _("reporter's e-mail"), blank=True, help_text=_("Private: never shown or published.")
    )
    submitted_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    editor_response = models.TextField(
        _("editor's response"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Why the report was accepted or declined, with what you checked. Required "
            "once decided; kept for the record, never sent to the reporter."
        ),
    )
    public_reason = models.TextField(
        _("reason for the reporter"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Optional. Sent to the reporter, if they gave an e-mail address, with the "
            "decision. Write it for them: your notes above are not sent."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        editable=False,
        help_text=_("The language of the page it was reported from: the reporter's."),
    )
    decision_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    base_form_class = InaccuracyReportAdminForm

    panels = [
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "What the reporter sent, exactly as sent. Check the evidence, correct "
                        "the fact on the product if it is wrong (giving the reason), then "
                        "accept and link the correction, or decline and say why."
                    )
                ),
                FieldRowPanel(
                    [
                        FieldPanel("product", read_only=True),
                        FieldPanel("criterion", read_only=True),
                        FieldPanel("plan", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("shown_value", read_only=True),
                        FieldPanel("claimed_value", read_only=True),
                    ]
                ),
                FieldPanel("evidence_url", read_only=True),
                FieldPanel("explanation", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("reporter_name", read_only=True),
                        FieldPanel("reporter_organisation", read_only=True),
                        FieldPanel("email", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("page", read_only=True), FieldPanel("submitted_at", read_only=True)]
                ),
            ],
            heading=_("The report"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("editor_response"),
                FieldPanel("public_reason"),
                FieldPanel("corrections_made"),
                FieldRowPanel(
                    [
                        FieldPanel("decided_by", read_only=True),
                        FieldPanel("decided_at", read_only=True),
                    ]
                ),
            ],
            heading=_("Decision"),
        ),
    ]

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("inaccuracy report")
        verbose_name_plural = _("inaccuracy reports")

    def __str__(self):
        return f"{self.product}: {self.criterion.name} → “{self.claimed_value[:40]}”"

    def save(self, *args, **kwargs):
        """An editor recording a decision on a stored report (or changing it), in the
        admin or from code, tells the reporter once it is committed."""
        decided = self.status != self.Status.NEW
        if self._state.adding and decided:
            # Stored already decided (the demo, an import): decided elsewhere, and
            # nobody is waiting here to be told.
            self.decided_at = self.decided_at or timezone.now()
            self.decision_notified_at = self.decision_notified_at or self.decided_at
            decided = False
        elif decided and self.status != getattr(self, "status_in_db", None):
            self.decided_at = timezone.now()
            self.decision_notified_at = None  # a new decision, not yet told
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "decided_at",
                    "decision_notified_at",
                }
        else:
            decided = False
        super().save(*args, **kwargs)
        self.status_in_db = self.status
        if decided:
            send_decision_email(self)

    @classmethod
    def from_db(cls, db, field_names, values):
        report = super().from_db(db, field_names, values)
        report.status_in_db = report.__dict__.get("status")
        return report

    @property
    def reporter(self):
        """Who sent it, for editors: name and organisation when given."""
        return ", ".join(part for part in (self.reporter_name, self.reporter_organisation) if part)


class FactChange(models.Model):
    """One correction of a published value: what it said, what it says now, and why.
    Recorded when an editor changes a fact; listed publicly on every comparison that
    shows the fact."""

    product = models.ForeignKey(
        "comparisons.Product",
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="fact_changes",
    )
    criterion = models.ForeignKey(
        "comparisons.Criterion",
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="fact_changes",
    )
    plan = models.CharField(_("plan"), max_length=60)
    fact = models.ForeignKey(
        "comparisons.Fact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
        help_text=_("Empty once the fact itself was removed."),
    )
    old_value = models.CharField(_("old value"), max_length=300)
    # Empty when the fact was removed.
    new_value = models.CharField(_("new value"), max_length=300, blank=True)
    reason = models.CharField(
        _("reason"),
        max_length=300,
        blank=True,
        help_text=_("Shown to readers in the corrections log."),
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = models.ForeignKey(
        InaccuracyReport,
        verbose_name=_("prompted by report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="corrections",
    )

    objects = FactChangeManager()

    # What was published before and after is the record; only a typo in the reason
    # may be put right.
    panels = [
        FieldRowPanel(
            [
                FieldPanel("product", read_only=True),
                FieldPanel("criterion", read_only=True),
                FieldPanel("plan", read_only=True),
            ]
        ),
        FieldRowPanel(
            [FieldPanel("old_value", read_only=True), FieldPanel("new_value", read_only=True)]
        ),
        FieldPanel("reason"),
        FieldRowPanel(
            [
                FieldPanel("changed_at", read_only=True),
                FieldPanel("editor", read_only=True),
                FieldPanel("report", read_only=True),
            ]
        ),
    ]

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return (
            f"{self.product}: {self.criterion.name} ({self.plan}) "
            f"{self.old_value} → {self.new_value or _('removed')}"
        )

    @property
    def is_removal(self):
        return not self.new_value
