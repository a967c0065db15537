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

LibreOffice's first start in a new profile sets the profile up, a tenth of a conversion's
time. Conversions of the app's own documents (exports) may therefore start from a copy of
the profile an earlier export left (:func:`prepare_profile` with ``warm``): still a profile
of their own, the settings above written back into every copy. The profile of this
sitting is kept in a temporary folder deleted when the app ends; a copy of the first one
also stays in the per-user cache, so the first export of the next sitting starts warm too
(issue 28). A conversion from a kept profile that fails on its own drops the cached copy.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
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
    items = "".join(f"{item}\n" for item in _setting_items())
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


def _setting_items() -> list[str]:
    return [
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse" oor:type="xs:{kind}">'
        f"<value>{value}</value></prop></item>"
        for path, name, kind, value in _SETTINGS
    ]


def reseed_offline_settings(profile: Path) -> bool:
    """Put the offline settings back into a used profile's registry, over whatever it says
    of them (LibreOffice rewrites the file and leaves out settings of parts it lacks).
    False when the registry cannot be read or written: then the profile must not be used."""
    registry_path = profile / "user" / "registrymodifications.xcu"
    try:
        registry = registry_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    end = registry.rfind("</oor:items>")
    if end == -1:
        return False
    for path, name, _, _ in _SETTINGS:
        registry = re.sub(
            rf'<item oor:path="{re.escape(path)}"><prop oor:name="{re.escape(name)}"[^>]*>.*?</item>\s*',
            "",
            registry,
            flags=re.S,
        )
    end = registry.rfind("</oor:items>")
    registry = registry[:end] + "\n".join(_setting_items()) + "\n" + registry[end:]
    try:
        registry_path.write_text(registry, encoding="utf-8")
    except OSError:
        return False
    return True


_warm_profile: Path | None = None  # a profile LibreOffice set up in this sitting, copied per use
_warm_lock = threading.Lock()
CACHED_PROFILE_FOLDER = "libreoffice-profile"  # in the per-user cache: a set-up profile across sittings


def _cached_profile() -> Path:
    from core.base.paths import cache_dir

    return cache_dir() / CACHED_PROFILE_FOLDER / "profile"


def _usable(profile: Path) -> bool:
    return (profile / "user" / "registrymodifications.xcu").is_file()


def prepare_profile(profile: Path, warm: bool = False) -> None:
    """A new profile folder for one conversion: the offline settings, or with ``warm`` a copy
    of the profile an earlier conversion set up (this sitting's, else the cached one), the
    settings put back in."""
    with _warm_lock:
        template = None
        if warm:
            template = _warm_profile if _warm_profile is not None else _cached_profile()
            if not _usable(template):
                template = None
        if template is not None:
            try:
                shutil.copytree(template, profile, ignore=shutil.ignore_patterns(".lock"))
            except OSError:
                pass
            else:
                if reseed_offline_settings(profile):
                    return
            shutil.rmtree(profile, ignore_errors=True)
    prepare_offline_profile(profile)


def keep_warm_profile(profile: Path) -> None:
    """After a conversion of the app's own document ended well: keep its profile for the next
    (moved, not copied: the conversion's folder is about to be deleted)."""
    global _warm_profile
    with _warm_lock:
        if _warm_profile is not None or not (profile / "user" / "registrymodifications.xcu").is_file():
            return
        try:
            kept = Path(tempfile.mkdtemp(prefix="baogao-lo-profile-")) / "profile"
            shutil.move(profile, kept)
        except OSError:
            return
        _warm_profile = kept
        atexit.register(shutil.rmtree, kept.parent, True)
        _cache_profile(kept)


def _cache_profile(kept: Path) -> None:
    """Under the lock: a copy of ``kept`` in the per-user cache unless one is there; written
    beside it and renamed into place, so a reader finds it whole or not at all."""
    cached = _cached_profile()
    if _usable(cached):
        return
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(cached, ignore_errors=True)  # a copy left unusable
        partial = Path(tempfile.mkdtemp(prefix="new-", dir=cached.parent)) / "profile"
        shutil.copytree(kept, partial, ignore=shutil.ignore_patterns(".lock"))
        os.replace(partial, cached)
    except OSError:
        pass
    finally:
        for leftover in cached.parent.glob("new-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def drop_cached_profile() -> None:
    """A conversion from a kept profile failed on its own: the next sittings start from nothing."""
    with _warm_lock:
        shutil.rmtree(_cached_profile(), ignore_errors=True)


def forget_warm_profile(across_sittings: bool = False) -> None:
    """The next conversion starts LibreOffice as the first of a new sitting (from the cached
    profile, if any) or, ``across_sittings``, in a profile of its own from nothing (cold)."""
    global _warm_profile
    with _warm_lock:
        kept, _warm_profile = _warm_profile, None
    if kept is not None:
        shutil.rmtree(kept.parent, ignore_errors=True)
    if across_sittings:
        drop_cached_profile()


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


__all__ = [
    "drop_cached_profile",
    "forget_warm_profile",
    "keep_warm_profile",
    "network_isolation_prefix",
    "prepare_offline_profile",
    "prepare_profile",
    "registry_modifications",
    "reseed_offline_settings",
]
