"""Keeping LibreOffice conversions off the network.

A .doc, .odt or web page may link an image or stylesheet on a remote server; LibreOffice
would fetch it while converting, which tells that server who opened the file and when.
The app promises to work offline on an office intranet, so two defences apply:

1. the throw-away profile each conversion uses is seeded with settings that block linked
   content from documents that are not trusted, never update links, and never look for
   updates (this works on every platform);
2. on Linux, soffice runs in a fresh network namespace where the system allows one
   (``unshare -rn`` as a normal user with user namespaces, ``unshare -n`` as root): it
   then has no network at all, not even loopback.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

# (path, property, type, value) in LibreOffice's configuration registry.
_SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    # Linked images/objects of a document from an untrusted place are not loaded.
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "boolean", "true"),
    # No macros from a converted document, ever.
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "boolean", "true"),
    # Links between documents: 0 = never update.
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "int", "0"),
    # Anything still fetched over HTTP(S)/FTP goes to a proxy that does not exist (the
    # discard port on this machine), so it fails without leaving the computer.
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "int", "1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "string", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "int", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "string", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "int", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", "string", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", "int", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", "string", ""),
    # No online update check, no crash report upload.
    ("/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments",
     "AutoCheckEnabled", "boolean", "false"),
    ("/org.openoffice.Office.Common/Misc", "CrashReport", "boolean", "false"),
)


def registry_modifications() -> str:
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse" oor:type="xs:{kind}">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, kind, value in _SETTINGS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )


def prepare_offline_profile(profile: Path) -> None:
    """Seed a fresh LibreOffice profile folder with the offline settings."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(registry_modifications(), encoding="utf-8")


@functools.lru_cache(maxsize=1)
def network_isolation_prefix() -> tuple[str, ...]:
    """A command prefix that runs a program without network, or () where none works."""
    if sys.platform != "linux" or os.environ.get("BAOGAO_NO_NETNS"):
        return ()
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    candidates = [(unshare, "-n")] if os.geteuid() == 0 else []
    candidates.append((unshare, "-rn"))
    for prefix in candidates:
        try:
            probe = subprocess.run(
                [*prefix, "true"], stdin=subprocess.DEVNULL, capture_output=True, timeout=5, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return prefix
    return ()


__all__ = ["network_isolation_prefix", "prepare_offline_profile", "registry_modifications"]
