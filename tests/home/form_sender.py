"""One app server's part in a flood from one address: this process sends a public form
SENDS times, each time with a token the form was shown with, and prints how many were
stored. tests/home/test_form_limits.py runs two at once.

    python -m tests.home.form_sender SENDS START_AT
"""

import sys
import time

import django


def main(sends, start_at):
    django.setup()
    from django import forms
    from django.http import HttpResponse
    from django.test import RequestFactory

    from home.anti_abuse import PublicForm, serve_public_form

    class NoteForm(PublicForm):
        min_seconds_setting = "TESTIMONIAL_MIN_SECONDS"
        rate_limit_setting = "TESTIMONIAL_RATE_LIMIT"
        rate_limit_group = "testimonial-submission"

        note = forms.CharField()

    tokens = [NoteForm()["rendered_at"].value() for _ in range(sends)]
    stored = []
    factory = RequestFactory()
    while time.time() < start_at:
        time.sleep(0.005)
    for token in tokens:
        request = factory.post(
            "/", {"note": "Hello", "rendered_at": token}, REMOTE_ADDR="203.0.113.7"
        )
        serve_public_form(
            request,
            NoteForm(request.POST),
            render=lambda form: HttpResponse(),
            save=stored.append,
            thanks_url=lambda: "/thanks/",
        )
    sys.stdout.write(f"{len(stored)}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), float(sys.argv[2]))
