import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# The escapes Django's json_script uses: no text inside can end the <script>
# element or open an HTML comment, whatever a visitor typed.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data):
    """``data`` as JSON that is safe to place inside a <script> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 (escaped above)
