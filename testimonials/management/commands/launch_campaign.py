from django.core.management.base import BaseCommand, CommandError

from testimonials.invitations.launch import launch, plan
from testimonials.models import InvitationCampaign


class Command(BaseCommand):
    help = (
        "Launch an invitation campaign: invite every customer of its segment who may be "
        "asked (not unsubscribed, not invited about the product within the set interval)."
    )

    def add_arguments(self, parser):
        parser.add_argument("campaign_id", type=int)

    def handle(self, *args, campaign_id, **options):
        campaign = InvitationCampaign.objects.filter(pk=campaign_id).first()
        if campaign is None:
            raise CommandError(f"No invitation campaign with id {campaign_id}.")
        skipped = plan(campaign)
        invited = launch(campaign)
        if invited is None:
            self.stdout.write(f"“{campaign}” was already launched: nothing done.")
            return
        self.stdout.write(
            f"Launched “{campaign}”: {invited} invited; skipped {skipped.unsubscribed} "
            f"unsubscribed and {skipped.recently_invited} invited about this product within "
            f"the last {skipped.interval_days} days."
        )
