"""Where the 版记 goes (core.render.imprint_fit decides, on LibreOffice's layout): at the foot
of the text's last page (core.render.imprint_box), at the foot of the next page, numbered
(the same box on a new page), or on the next even page of its own, unnumbered
(core.render.footer_notes). Each placement is a function on the rendered document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.render.footer_notes import place_imprint
from core.render.imprint_box import place_imprint_on_next_page, place_imprint_under_text

IMPRINT_UNDER_TEXT, IMPRINT_NEXT_PAGE, IMPRINT_OWN_PAGE = "under_text", "next_page", "own_page"
PLACE_IMPRINT: dict[str, Callable[[Any], None]] = {
    IMPRINT_UNDER_TEXT: place_imprint_under_text,
    IMPRINT_NEXT_PAGE: place_imprint_on_next_page,
    IMPRINT_OWN_PAGE: place_imprint,
}
