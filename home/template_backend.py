"""Django's template engine, with each context let go as soon as its template is rendered.

A template given a request renders in a ``RequestContext`` that holds the view's
dictionary in a ``ContextDict``, and a ``ContextDict`` refers back to its context: a
reference cycle. Reference counting cannot free a cycle, so everything the view gave
the template (on the largest comparison, its table of 480 cells and the facts behind
them, some 4,900 objects) stayed in memory until Python's cyclic garbage collector
found it. Those leftovers made the collector run every other render and, now and
then, walk a hundred thousand objects at once: 2.3 to 2.6 ms of the comparison's 32 ms
on average, in pauses of up to 110 ms (docs/benchmark.md).

Emptying the context once the template is rendered breaks the cycle, so what a page
was given is freed as the response leaves, like everything else the request made. A
rendered context is never read again; the test client keeps copies of its own."""

from django.template import TemplateDoesNotExist
from django.template.backends import django
from django.template.context import make_context


class DjangoTemplates(django.DjangoTemplates):
    def from_string(self, template_code):
        return Template(self.engine.from_string(template_code), self)

    def get_template(self, template_name):
        try:
            return Template(self.engine.get_template(template_name), self)
        except TemplateDoesNotExist as exc:
            django.reraise(exc, self)


class Template(django.Template):
    def render(self, context=None, request=None):
        context = make_context(context, request, autoescape=self.backend.engine.autoescape)
        try:
            return self.template.render(context)
        except TemplateDoesNotExist as exc:
            django.reraise(exc, self.backend)
        finally:
            context.dicts.clear()
