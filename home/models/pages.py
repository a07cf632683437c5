from django.db import models
from django.http import Http404

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.process_memory import child_of_home
from home.visibility import ViewRestrictionsByPathMixin


class HomePage(ViewRestrictionsByPathMixin, Page):
    template = "pages/home_page.html"

    honesty_promise = models.CharField(
        max_length=200,
        help_text="One sentence that states the promise this site keeps to readers.",
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("honesty_promise"),
        FieldPanel("intro"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("honesty_promise"),
        index.SearchField("intro"),
    ]
    api_fields = ["honesty_promise", "intro"]

    @property
    def localized(self):
        """This page in the active language. The site's copy of it, remembered in each
        process, answers from there (home.process_memory.localized_home)."""
        from_memory = self.__dict__.get("localized_from_memory")
        return from_memory() if from_memory is not None else super().localized

    # The sections under it are the page types that name it in their parent_page_types.
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request, path_components):
        """As Wagtail routes, with the child taken from this process's memory (see
        home.process_memory) rather than in two queries on every page below."""
        if not path_components:
            return super().route(request, path_components)
        child = child_of_home(request, self, path_components[0])
        if child is None:
            raise Http404
        # As Wagtail does: the breadcrumbs walk up without a query.
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        """Each page type that may sit under the home page may list something on it,
        through a ``home_page_context(home_page, request)`` class method."""
        context = super().get_context(request, *args, **kwargs)
        for page_type in self.allowed_subpage_models():
            listing = getattr(page_type, "home_page_context", None)
            if listing is not None:
                context.update(listing(self, request))
        return context


class StandardPage(ViewRestrictionsByPathMixin, Page):
    """Policy and explainer pages such as "How we compare"."""

    template = "pages/standard_page.html"

    intro = models.CharField(max_length=255, blank=True)
    body = StreamField(BodyBlock())

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = ["intro", "body"]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
