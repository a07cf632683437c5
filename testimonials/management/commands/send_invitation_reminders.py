from testimonials.invitations.sending import REMINDER

from .send_invitations import Command as SendInvitations


class Command(SendInvitations):
    help = (
        "Send the one reminder of each invitation whose campaign's reminder is due, to "
        "those who have not answered, bounced or unsubscribed, at most the per-minute "
        "number at a time: run it daily (or every minute while many are due)."
    )
    report = ("Sent {sent} reminder", "Sent {sent} reminders")
    kind = REMINDER
