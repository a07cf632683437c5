from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from testimonials.advocacy.fatigue import quarter_of


def count_per_advocate(queryset, field="advocate", aggregate=None):
    """A subquery giving, for the advocate of the outer query, how many rows of
    ``queryset`` are theirs (or the sum of ``aggregate``); 0 when none."""
    aggregate = aggregate or Count("pk")
    per_advocate = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=aggregate)
        .values("total")
    )
    return Coalesce(Subquery(per_advocate, output_field=IntegerField()), Value(0))


class AdvocateQuerySet(models.QuerySet):
    def with_load(self, day=None):
        """Annotate ``load``: how often each advocate was asked in the quarter of
        ``day``, their testimonials and other activities counted together. One query,
        however many advocates."""
        Testimonial = self.related_model("testimonials")
        start, end = quarter_of(day or timezone.localdate())
        testimonials = Testimonial.objects.filter(submitted_at__date__range=(start, end)).exclude(
            status=Testimonial.Status.REJECTED
        )
        activities = self.related_model("activities").objects.filter(date__range=(start, end))
        return self.annotate(
            testimonial_load=count_per_advocate(testimonials),
            activity_load=count_per_advocate(activities),
            load=models.F("testimonial_load") + models.F("activity_load"),
        )

    def least_asked_first(self, day=None):
        return self.with_load(day).order_by("load", "name", "pk")

    def at_fatigue_limit(self, limit, day=None):
        return self.with_load(day).filter(load__gte=limit)

    def with_referral_counts(self):
        """Annotate ``referral_visits`` and ``referral_conversions`` (demo requests)."""
        return self.annotate(
            referral_visits=count_per_advocate(
                self.related_model("referral_visit_days").objects.all(), aggregate=Sum("visits")
            ),
            referral_conversions=count_per_advocate(
                self.related_model("referred_demo_requests").objects.all(), field="referred_by"
            ),
        )

    def related_model(self, relation):
        """The model on the other side of one of the advocate's relations."""
        return self.model._meta.get_field(relation).related_model


class NpsResponseQuerySet(models.QuerySet):
    def promoters(self):
        return self.filter(score__gte=self.model.PROMOTER_MIN)

    def detractors(self):
        return self.filter(score__lte=self.model.DETRACTOR_MAX)

    def counts(self):
        """Promoters, passives and detractors in one query."""
        Model = self.model
        return self.aggregate(
            promoters=Count("pk", filter=Q(score__gte=Model.PROMOTER_MIN)),
            detractors=Count("pk", filter=Q(score__lte=Model.DETRACTOR_MAX)),
            total=Count("pk"),
        )
