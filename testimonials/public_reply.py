"""A reply as readers see it, under its testimonial on the card and the full page, in
the API and as the Review's ``comment`` in JSON-LD: the words as written (plain text),
who wrote them, the day, and, once edited, the day of the edit and every earlier
wording with the day it was written."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone


@dataclass(frozen=True)
class EarlierVersion:
    text: str
    written_on: object  # a date


@dataclass(frozen=True)
class PublicReply:
    text: str
    name: str
    role: str
    replied_on: object
    edited_on: object  # None until edited
    history: tuple  # of EarlierVersion, oldest first

    @classmethod
    def of(cls, testimonial):
        """The reply to ``testimonial``, or None. Reads what for_display() loads."""
        try:
            reply = testimonial.reply
        except ObjectDoesNotExist:
            return None
        history, written_at = [], reply.created_at
        for edit in reply.edits.all():
            history.append(EarlierVersion(edit.text, timezone.localdate(written_at)))
            written_at = edit.replaced_at
        return cls(
            text=reply.text,
            name=reply.replier_name,
            role=reply.replier_role,
            replied_on=timezone.localdate(reply.created_at),
            edited_on=timezone.localdate(reply.edited_at) if reply.edited_at else None,
            history=tuple(history),
        )

    def as_api(self):
        return {
            "text": self.text,
            "name": self.name,
            "role": self.role,
            "date": self.replied_on.isoformat(),
            "edited": self.edited_on.isoformat() if self.edited_on else None,
            "history": [
                {"text": version.text, "date": version.written_on.isoformat()}
                for version in self.history
            ],
        }
