"""Checking every source that facts cite, and flagging the facts it no longer backs.

Each distinct source URL is read once per run, however many facts cite it. What the
watcher decides about a fact is only a flag ("source changed since verified"): the
value stays as the editor verified it, and re-verifying the fact (a new source, date
or excerpt, Fact.save()) clears the flag. Writes are queryset updates, so they record
no verification and cost a fixed number of queries per source, not per fact."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from comparisons.models import Fact, FactVerification, SourceFlag, SourceState, WatchedSource
from home.page_cache.signals import changed_in_bulk

from .fetch import SourceFetcher
from .text import contains_excerpt, fingerprint, searchable

FLAG_FOR_STATE = {SourceState.MOVED: SourceFlag.MOVED, SourceState.GONE: SourceFlag.GONE}


@dataclass
class Citation:
    """A source-language fact as the watcher needs it: no value, nothing to change."""

    pk: int
    product_id: int
    excerpt: str
    flag: str


def citations(urls=None):
    """{source URL: [Citation]} for the source-language facts (their translations
    share the source), in one query."""
    facts = Fact.objects.in_source_language().exclude(source_url="")
    if urls is not None:
        facts = facts.filter(source_url__in=urls)
    by_url = defaultdict(list)
    rows = facts.values_list("pk", "product_id", "source_url", "evidence_excerpt", "source_flag")
    for pk, product_id, url, excerpt, flag in rows.order_by("source_url", "pk"):
        by_url[url].append(Citation(pk, product_id, excerpt, flag))
    return by_url


def watch_sources(urls=None, fetcher=None):
    """Read each source (all that facts cite, or ``urls``) and record what was found.
    Returns a Counter of the states found."""
    fetcher = fetcher or SourceFetcher()
    found = Counter()
    cited = citations(urls)
    for url, facts in cited.items():
        reading = fetcher.read(url)
        record(reading, facts)
        found[reading.state] += 1
    if urls is None:
        # Sources no fact cites any more are not watched.
        WatchedSource.objects.exclude(url__in=list(cited)).delete()
    return found


# A name that stops resolving may be the watcher's own network or DNS failing, which
# would flag every fact on the site at once: it counts as gone only when the previous
# run, at least this long before, found the same.
DOMAIN_GONE_CONFIRMED_AFTER = timedelta(hours=12)


def is_verdict(reading, previous, now):
    if reading.state not in SourceState.verdicts():
        return False
    if reading.state == SourceState.GONE and reading.http_status is None:
        return (
            previous is not None
            and previous.state == SourceState.GONE
            and previous.http_status is None
            and previous.checked_at is not None
            and now - previous.checked_at >= DOMAIN_GONE_CONFIRMED_AFTER
        )
    return True


def record(reading, facts, now=None):
    """Store one reading of a source and what it means for the ``facts`` citing it."""
    now = now or timezone.now()
    text_fingerprint = fingerprint(reading.text) if reading.state == SourceState.OK else ""
    previous = WatchedSource.objects.filter(url=reading.url).first()
    verdict = is_verdict(reading, previous, now)
    if reading.state == SourceState.GONE and not verdict:
        reading.detail = _("%(detail)s; the next check confirms it before flagging") % {
            "detail": reading.detail
        }
    # The row just read is the one written: no second look-up.
    source = previous or WatchedSource(url=reading.url)
    source.state, source.checked_at = reading.state, now
    source.http_status, source.final_url = reading.http_status, reading.final_url
    source.fingerprint, source.detail = text_fingerprint, reading.detail[:300]
    source.save()
    if not verdict:
        return  # no verdict: the facts keep what the last verdict said
    flags = verdicts(reading, facts)
    Fact.objects.filter(pk__in=[fact.pk for fact in facts]).update(source_checked_at=now)
    flag(facts, flags, now)
    if reading.state == SourceState.OK:
        fingerprint_verifications(reading, facts, text_fingerprint, now)
    # Every cell citing the source now says when it was checked, and its evidence page
    # the fingerprint: one fact per product stands for the others on the same pages.
    shown = {fact.product_id: Fact(pk=fact.pk, product_id=fact.product_id) for fact in facts}
    changed_in_bulk(Fact, list(shown.values()))


def verdicts(reading, facts):
    """{fact pk: the flag it should carry}, for the facts that should carry one."""
    if reading.state in FLAG_FOR_STATE:
        return {fact.pk: FLAG_FOR_STATE[reading.state] for fact in facts}
    text = searchable(reading.text)
    return {
        fact.pk: SourceFlag.CHANGED
        for fact in facts
        if fact.excerpt and not contains_excerpt(text, fact.excerpt)
    }


def flag(facts, flags, now):
    """Set the flags that changed: ``since`` when a fact is newly flagged, only the
    reason when a flagged fact's source went from changed to gone. A flag is never
    cleared here: an editor clears it by re-verifying the fact."""
    newly = defaultdict(list)
    renamed = defaultdict(list)
    for fact in facts:
        wanted = flags.get(fact.pk)
        if wanted is None or wanted == fact.flag:
            continue
        (renamed if fact.flag else newly)[wanted].append(fact.pk)
    for wanted, pks in newly.items():
        Fact.objects.filter(pk__in=pks).update(source_flag=wanted, source_flagged_at=now)
    for wanted, pks in renamed.items():
        Fact.objects.filter(pk__in=pks).update(source_flag=wanted)


def fingerprint_verifications(reading, facts, text_fingerprint, now):
    """Give each fact's latest verification, if the source has not been read since it
    was made, the source's fingerprint and whether its excerpt was there: what the
    editor's source said at the time."""
    latest = FactVerification.objects.filter(fact=OuterRef("fact")).order_by("-recorded_at", "-pk")
    unread = FactVerification.objects.filter(
        fact__in=[fact.pk for fact in facts],
        pk=Subquery(latest.values("pk")[:1]),
        source_url=reading.url,
        fingerprint="",
    )
    text = searchable(reading.text)
    by_outcome = defaultdict(list)
    for pk, excerpt in unread.values_list("pk", "excerpt"):
        by_outcome[contains_excerpt(text, excerpt) if excerpt else None].append(pk)
    for excerpt_found, pks in by_outcome.items():
        FactVerification.objects.filter(pk__in=pks).update(
            fingerprint=text_fingerprint, fingerprinted_at=now, excerpt_found=excerpt_found
        )
