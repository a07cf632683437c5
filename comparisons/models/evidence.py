from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SourceFlag(models.TextChoices):
    """Why a fact's source no longer backs it as verified. The value stays as the
    editor verified it; readers are told it is being re-checked."""

    NONE = "", _("Source unchanged")
    CHANGED = "changed", _("The excerpt is no longer on the source")
    MOVED = "moved", _("The source has moved")
    GONE = "gone", _("The source is gone")


class SourceState(models.TextChoices):
    """What the source watcher found on its last visit to a source."""

    UNCHECKED = "", _("Not checked yet")
    OK = "ok", _("Read")
    MOVED = "moved", _("Moved")
    GONE = "gone", _("Gone")
    # The watcher could not read the source: no verdict on the facts it backs.
    UNREACHABLE = "unreachable", _("Unreachable")
    TIMED_OUT = "timed_out", _("Timed out")
    TLS_ERROR = "tls_error", _("Invalid TLS certificate")
    REDIRECT_LOOP = "redirect_loop", _("Too many redirects")
    TOO_LARGE = "too_large", _("Too large to read")
    NOT_HTML = "not_html", _("Not a web page")
    ROBOTS = "robots", _("Disallowed by robots.txt")
    PRIVATE_ADDRESS = "private", _("Private network address")
    SERVER_ERROR = "server_error", _("Server error")

    @classmethod
    def verdicts(cls):
        """The states that say something about the facts the source backs."""
        return {cls.OK, cls.MOVED, cls.GONE}


class WatchedSource(models.Model):
    """A source URL that facts cite, as the watcher last found it. One row per URL,
    however many facts cite it, so each source is fetched once per run."""

    url = models.URLField(_("source"), max_length=500, unique=True)
    state = models.CharField(
        _("state"), max_length=16, choices=SourceState.choices, blank=True, default=""
    )
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(
        _("moved to"), max_length=2000, blank=True, help_text=_("Where a redirect led.")
    )
    fingerprint = models.CharField(
        _("text fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 of the page's readable text when last read."),
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["url"]
        verbose_name = _("watched source")
        verbose_name_plural = _("watched sources")

    def __str__(self):
        return self.url


class FactVerification(models.Model):
    """One verification of a fact: the source, the day, the excerpt the editor pasted,
    and the source's text fingerprint when the watcher first read it afterwards. The
    archive readers open from a cell's "evidence" link; never edited."""

    fact = models.ForeignKey(
        "comparisons.Fact",
        verbose_name=_("fact"),
        on_delete=models.CASCADE,
        related_name="verifications",
    )
    source_url = models.URLField(_("source"), max_length=500)
    verified_on = models.DateField(_("verified on"))
    excerpt = models.TextField(_("evidence excerpt"), max_length=500, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    fingerprint = models.CharField(
        _("text fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 of the source's readable text, from its first reading after."),
    )
    fingerprinted_at = models.DateTimeField(_("source read"), null=True, blank=True)
    excerpt_found = models.BooleanField(_("excerpt found on the source"), null=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.fact_id}: {self.source_url} ({self.verified_on})"

    @classmethod
    def record(cls, fact, editor=None):
        return cls.objects.create(
            fact=fact,
            source_url=fact.source_url,
            verified_on=fact.verified_on,
            excerpt=fact.evidence_excerpt,
            editor=editor if getattr(editor, "pk", None) else None,
        )
