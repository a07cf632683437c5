"""``{% fragment seconds "name" vary… %}…{% endfragment %}``: Django's ``{% cache %}``,
except that a fragment given 0 seconds to live (a preview, or caching turned off: see
home/page_cache/fragments.py) is only rendered. Django's tag would still look it up and
store it to expire at once, which costs a comparison table's render a pickled copy of
300 KB, and on Redis two round trips, for nothing."""

from django import template
from django.templatetags.cache import CacheNode

register = template.Library()


class FragmentNode(CacheNode):
    def render(self, context):
        if self.expire_time_var.resolve(context) == 0:
            return self.nodelist.render(context)
        return super().render(context)


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes at least two arguments: its seconds and its name."
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        bits[2],  # the fragment's name, as {% cache %} takes it: not resolved
        [parser.compile_filter(bit) for bit in bits[3:]],
        None,
    )
