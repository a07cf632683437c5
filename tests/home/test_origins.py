"""Editors list the sites allowed to embed the testimonial widget, one origin per line."""

from django.core.exceptions import ValidationError

import pytest

from home.origins import parse_origin_list, validate_origin_list


def test_origins_are_read_one_per_line_without_blank_lines_or_trailing_slashes():
    text = " https://www.candor.example/ \n\nhttp://localhost:8080\n"

    assert parse_origin_list(text) == ["https://www.candor.example", "http://localhost:8080"]


@pytest.mark.parametrize(
    "bad",
    [
        "www.candor.example",
        "https://www.candor.example/testimonials",
        "javascript:alert(1)",
        "https://a.example 'unsafe-inline'",
        "https://a.example; script-src *",
        "*",
    ],
)
def test_anything_but_an_origin_is_refused_with_the_offending_line(bad):
    with pytest.raises(ValidationError) as error:
        validate_origin_list(f"https://ok.example\n{bad}")

    assert bad.strip() in str(error.value)
    assert "https://ok.example," not in str(error.value)
