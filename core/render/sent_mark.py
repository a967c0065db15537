"""The exported .docx names the draft version it was made from (custom document properties).

Word, WPS and LibreOffice keep custom document properties (docProps/custom.xml) when the
leader saves a reviewed copy, so the copy that comes back says which version was sent; the
review then merges three ways (core.review.changes). The property is added to the finished
package, so the rendered document itself stays byte-for-byte deterministic.
"""

from __future__ import annotations

import re
import zipfile
from html import escape  # not xml.sax.saxutils's: that loads urllib.request, http and ssl (7 MB)

from core.render.package import read_zip, write_zip

SENT_PROPERTY = "BaogaoSentVersion"
# The digest of the sent words: a copy reviewed on a computer with no record of the export can
# still be merged three ways when the draft is as it was sent (core.review.merge).
SENT_TEXT_PROPERTY = "BaogaoSentText"
CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every user-defined property carries (ECMA-376 part 1, 22.3.2.2).
_USER_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_xml(sent_id: str, text_digest: str = "") -> bytes:
    properties = [(SENT_PROPERTY, sent_id), (SENT_TEXT_PROPERTY, text_digest)]
    body = "".join(
        f'<property fmtid="{_USER_FMTID}" pid="{pid}" name="{name}"><vt:lpwstr>{escape(value, quote=False)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(((n, v) for n, v in properties if v), start=2)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{body}</Properties>'
    ).encode()


def mark_sent(data: bytes, sent_id: str, text_digest: str = "") -> bytes:
    """The .docx ``data`` with custom properties naming the sent version ``sent_id`` and the
    digest of its words (core.text.textslots.text_digest), each left out when empty."""
    members = read_zip(data)
    members[CUSTOM_PART] = custom_xml(sent_id, text_digest)
    types = members["[Content_Types].xml"].decode("utf-8")
    if "/docProps/custom.xml" not in types:
        override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
        members["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode("utf-8")
    rels = members["_rels/.rels"].decode("utf-8")
    if _CUSTOM_REL not in rels:
        taken = set(re.findall(r'Id="([^"]+)"', rels))
        number = 1
        while f"rId{number}" in taken:
            number += 1
        relationship = f'<Relationship Id="rId{number}" Type="{_CUSTOM_REL}" Target="{CUSTOM_PART}"/>'
        members["_rels/.rels"] = rels.replace("</Relationships>", relationship + "</Relationships>").encode("utf-8")
    return write_zip(members.items())


def without_sent_mark(data: bytes) -> bytes:
    """``data`` as it was rendered, before :func:`mark_sent` (to tell whether two exports differ)."""
    try:
        members = read_zip(data)
    except (zipfile.BadZipFile, OSError, ValueError):  # not a .docx at all: it differs
        return data
    if CUSTOM_PART not in members:
        return data
    del members[CUSTOM_PART]
    override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
    types = members.get("[Content_Types].xml", b"").decode("utf-8", "replace").replace(override, "")
    members["[Content_Types].xml"] = types.encode("utf-8")
    rels = members.get("_rels/.rels", b"").decode("utf-8", "replace")
    rels = re.sub(rf'<Relationship Id="[^"]+" Type="{re.escape(_CUSTOM_REL)}" Target="{CUSTOM_PART}"/>', "", rels)
    members["_rels/.rels"] = rels.encode("utf-8")
    return write_zip(members.items())
