"""Hostile suite: documents that link remote content. Converting them through LibreOffice
must not reach the network: a listener on 127.0.0.1 stands in for the remote server and
must receive nothing, with the network namespace and with the profile settings alone."""

from __future__ import annotations

import socket
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.office.libreoffice import find_soffice
from tests.core.hostile_support import assert_success, changed_files, run_cli, snapshot

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="需要 LibreOffice（soffice）才能转换")


class Listener:
    """A TCP server on 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.requests.append(connection.recv(1024) or b"(connected)")
                except OSError:
                    self.requests.append(b"(connected)")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"'
)


def _odf_body(url: str) -> str:
    return (
        "<office:body><office:text><text:p>一、总体情况</text:p><text:p>正文。"
        '<draw:frame draw:name="远程图片" svg:width="2cm" svg:height="2cm">'
        f'<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
        "</draw:frame></text:p></office:text></office:body>"
    )


def write_odt(path: Path, url: str) -> Path:
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>{_odf_body(url)}</office:document-content>'
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_fodt(path: Path, url: str) -> Path:
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_ODF_NS} '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{_odf_body(url)}</office:document>',
        encoding="utf-8",
    )
    return path


def write_html(path: Path, url: str) -> Path:
    path.write_text(
        f'<html><head><link rel="stylesheet" href="{url}.css"></head><body>'
        f'<p>一、总体情况</p><p>正文。<img src="{url}"></p></body></html>',
        encoding="utf-8",
    )
    return path


CASES = [
    ("odt", "远程.odt", write_odt),
    ("odt-renamed-docx", "远程.docx", write_odt),
    ("fodt-saved-as-doc", "远程.doc", write_fodt),
    ("html-saved-as-doc", "网页.doc", write_html),
]


@pytest.mark.parametrize(("name", "build"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_conversion_never_reaches_the_network(tmp_path: Path, listener: Listener, name: str, build) -> None:
    source = build(tmp_path / name, f"http://127.0.0.1:{listener.port}/x.png")
    before = snapshot(tmp_path)
    result = run_cli("import", source, "--outline")
    assert_success(result)
    assert "总体情况" in result.out
    assert listener.requests == []
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_the_profile_alone_keeps_a_conversion_offline(
    tmp_path: Path, listener: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where no network namespace is available (Windows, a locked-down Linux) the seeded
    # profile is the only defence: it must block linked images and stylesheets itself.
    from core.office import libreoffice

    monkeypatch.setattr(libreoffice, "network_isolation_prefix", lambda: ())
    source = write_html(tmp_path / "网页.doc", f"http://127.0.0.1:{listener.port}/x.png")
    assert_success(run_cli("import", source, "--outline"))
    assert listener.requests == []


def test_the_listener_does_see_a_plain_request(listener: Listener) -> None:
    # The check above can fail: the listener records a connection that does happen.
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2) as connection:
        connection.sendall(b"GET /x.png HTTP/1.1\r\n\r\n")
    for _ in range(50):
        if listener.requests:
            break
        threading.Event().wait(0.05)
    assert listener.requests and listener.requests[0].startswith(b"GET /x.png")


def test_the_profile_blocks_links_updates_and_proxies_to_nowhere(tmp_path: Path) -> None:
    from core.office.offline import prepare_offline_profile

    prepare_offline_profile(tmp_path / "profile")
    settings = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    expected = [
        '<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" '
        'oor:op="fuse" oor:type="xs:boolean"><value>true</value></prop></item>',
        '<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse" '
        'oor:type="xs:int"><value>0</value></prop></item>',
        '<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse" '
        'oor:type="xs:int"><value>1</value></prop></item>',
    ]
    for item in expected:
        assert item in settings
