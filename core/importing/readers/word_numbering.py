"""Word's automatic numbering: the "一、" and "（三）" that are not in the paragraph text.

A numbered paragraph carries ``w:numPr`` (numId + ilvl) directly or through its paragraph
style. numbering.xml maps a numId to an abstract definition whose levels say how to
render: ``w:lvlText`` such as "%1、" or "（%1）", ``w:numFmt`` such as chineseCounting,
``w:start``; a numId may override a level's start (``w:startOverride``, used by Word's
"restart numbering") or the whole level.

Counting follows Word: the counters belong to the abstract definition (the list), so
numIds sharing one abstractNum continue each other; a numId's startOverride replaces the
level's start value and restarts that level where the numId is first used; using a level
resets the deeper levels, unless their ``w:lvlRestart`` says otherwise (0 = never, n =
only when one of the levels 1..n is used).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree

from core.importing.readers.number_formats import format_number
from core.ooxml.word_names import MC_FALLBACK, WordNames, int_attr, is_true

MAX_LEVEL = 8
# Word's own number formats are a few characters ("第%1章", "（%1）"); a longer one is an
# amplification attempt (10,000 characters repeated on every paragraph) and is ignored.
MAX_LABEL_CHARS = 64
_PLACEHOLDERS = tuple(f"%{k}" for k in range(1, MAX_LEVEL + 2))
# Word keeps counters in 0..32767; garbage start values must not produce giant labels.
_MAX_START = 32767
_MAX_STYLE_DEPTH = 32


@dataclass(frozen=True)
class Level:
    start: int = 1
    num_fmt: str = "decimal"
    text: str = ""
    restart_after: int | None = None  # w:lvlRestart; None = after any shallower level
    legal: bool = False  # w:isLgl: all placeholders as Arabic digits
    suffix: str = "tab"  # what Word puts between label and text: tab, space, nothing
    style_id: str | None = None


@dataclass
class AbstractNum:
    levels: dict[int, Level]
    num_style_link: str | None = None


@dataclass
class NumInstance:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class StyleInfo:
    based_on: str | None
    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True)
class NumberRef:
    """Where a paragraph's numbering comes from, before any counting."""

    num_id: str | None
    ilvl: int | None
    style_id: str | None


@dataclass(frozen=True)
class Label:
    text: str
    suffix: str


class Styles:
    """Paragraph styles: the numbering each one carries, inherited along ``w:basedOn``."""

    def __init__(self, root: etree._Element | None, names: WordNames) -> None:
        self._styles: dict[str, StyleInfo] = {}
        self._resolved: dict[str | None, tuple[str | None, int | None]] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for style in root.iter(names.style):
            kind = style.get(names.type, "paragraph")
            # Numbering styles matter too: an abstractNum's numStyleLink points at one.
            if kind not in ("paragraph", "numbering"):
                continue
            style_id = style.get(names.styleId)
            if style_id is None:
                continue
            based_on = style.find(names.basedOn)
            properties = style.find(names.pPr)
            num_pr = properties.find(names.numPr) if properties is not None else None
            num_id = ilvl = None
            if num_pr is not None:
                num_id_el = num_pr.find(names.numId)
                num_id = num_id_el.get(names.val) if num_id_el is not None else None
                ilvl = int_attr(num_pr.find(names.ilvl), names)
            self._styles[style_id] = StyleInfo(
                based_on=based_on.get(names.val) if based_on is not None else None, num_id=num_id, ilvl=ilvl
            )
            if kind == "paragraph" and style.get(names.default) in ("1", "true", "on"):
                self.default_id = style_id

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs, each looked up along basedOn."""
        cached = self._resolved.get(style_id)
        if cached is None:
            cached = self._resolved[style_id] = self._walk(style_id)
        return cached

    def _walk(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        current = style_id if style_id in self._styles else self.default_id
        while current is not None and current not in seen and len(seen) < _MAX_STYLE_DEPTH:
            seen.add(current)
            info = self._styles.get(current)
            if info is None:
                break
            if num_id is None:
                num_id = info.num_id
            if ilvl is None:
                ilvl = info.ilvl
            current = info.based_on
        return num_id, ilvl


class Numbering:
    """Definitions from numbering.xml, resolved against the styles."""

    def __init__(self, root: etree._Element | None, styles: Styles, names: WordNames) -> None:
        self.styles = styles
        self._names = names
        self.abstracts: dict[str, AbstractNum] = {}
        self.instances: dict[str, NumInstance] = {}
        self._resolved: dict[str, tuple[str, dict[int, Level], NumInstance] | None] = {}
        if root is None:
            return
        for abstract in root.iter(names.abstractNum):
            abstract_id = abstract.get(names.abstractNumId)
            if abstract_id is None:
                continue
            link = abstract.find(names.numStyleLink)
            self.abstracts[abstract_id] = AbstractNum(
                levels=self._levels(abstract),
                num_style_link=link.get(names.val) if link is not None else None,
            )
        for num in root.iter(names.num):
            num_id = num.get(names.numId)
            abstract_ref = num.find(names.abstractNumId)
            if num_id is None or abstract_ref is None or abstract_ref.get(names.val) is None:
                continue
            instance = NumInstance(abstract_id=abstract_ref.get(names.val, ""))
            for override in num.iter(names.lvlOverride):
                ilvl = _clamp_level(_int_attribute(override, names.ilvl, 0))
                start = override.find(names.startOverride)
                if start is not None:
                    instance.start_overrides[ilvl] = _clamp_start(int_attr(start, names, 1))
                lvl = override.find(names.lvl)
                if lvl is not None:
                    instance.level_overrides[ilvl] = self._level(lvl)
            self.instances[num_id] = instance

    def _levels(self, abstract: etree._Element) -> dict[int, Level]:
        levels: dict[int, Level] = {}
        for lvl in abstract.iter(self._names.lvl):
            ilvl = _int_attribute(lvl, self._names.ilvl, -1)
            if 0 <= ilvl <= MAX_LEVEL:
                levels[ilvl] = self._level(lvl)
        return levels

    def _level(self, lvl: etree._Element) -> Level:
        n = self._names
        text_el = lvl.find(n.lvlText)
        restart_el = lvl.find(n.lvlRestart)
        suffix_el = lvl.find(n.suff)
        style_el = lvl.find(n.pStyle)
        return Level(
            start=_clamp_start(int_attr(lvl.find(n.start), n, 1)),
            num_fmt=self._num_fmt(lvl),
            text=_label_text(text_el.get(n.val) if text_el is not None else None),
            restart_after=int_attr(restart_el, n) if restart_el is not None else None,
            legal=is_true(lvl.find(n.isLgl), n),
            suffix=(suffix_el.get(n.val) or "tab") if suffix_el is not None else "tab",
            style_id=style_el.get(n.val) if style_el is not None else None,
        )

    def _num_fmt(self, lvl: etree._Element) -> str:
        n = self._names
        fmt = lvl.find(n.numFmt)
        if fmt is None:
            # Word 2010+ wraps custom formats: the Fallback holds the plain equivalent.
            for fallback in lvl.iter(MC_FALLBACK):
                fmt = fallback.find(n.numFmt)
                if fmt is not None:
                    break
        return (fmt.get(n.val) or "decimal") if fmt is not None else "decimal"

    def resolve(self, num_id: str) -> tuple[str, dict[int, Level], NumInstance] | None:
        """(list key, levels with the numId's overrides applied, the instance)."""
        if num_id not in self._resolved:
            self._resolved[num_id] = self._resolve(num_id)
        return self._resolved[num_id]

    def _resolve(self, num_id: str) -> tuple[str, dict[int, Level], NumInstance] | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        abstract_id = instance.abstract_id
        abstract = self.abstracts.get(abstract_id)
        # numStyleLink: the definition lives in the abstractNum of the style's own numId.
        hops = 0
        while abstract is not None and abstract.num_style_link and hops < 4:
            hops += 1
            linked_num, _ = self.styles.numbering(abstract.num_style_link)
            linked = self.instances.get(linked_num) if linked_num else None
            if linked is None or linked.abstract_id == abstract_id:
                break
            abstract_id = linked.abstract_id
            abstract = self.abstracts.get(abstract_id)
        if abstract is None:
            return None
        levels = dict(abstract.levels)
        levels.update(instance.level_overrides)
        for ilvl, start in instance.start_overrides.items():
            if ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        return abstract_id, levels, instance


def _label_text(value: str | None) -> str:
    return value if value and len(value) <= MAX_LABEL_CHARS else ""


def _int_attribute(element: etree._Element, attribute: str, default: int) -> int:
    try:
        return int(element.get(attribute, ""))
    except ValueError:
        return default


def _clamp_level(ilvl: int) -> int:
    return min(max(ilvl, 0), MAX_LEVEL)


def _clamp_start(value: int | None) -> int:
    return min(max(value if value is not None else 1, 0), _MAX_START)


class ListCounter:
    """Walks a document's numbered paragraphs in order and renders each one's label."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._counters: dict[str, dict[int, int | None]] = {}
        self._used_instances: set[str] = set()

    def label(self, ref: NumberRef) -> Label | None:
        """The label of the next paragraph with numbering ``ref``, or None if it has none.

        A paragraph's own numPr wins; what it leaves out comes from its style. numId 0
        switches numbering off.
        """
        style_num_id, style_ilvl = self._numbering.styles.numbering(ref.style_id)
        num_id = ref.num_id if ref.num_id is not None else style_num_id
        if num_id is None or num_id == "0":
            return None
        resolved = self._numbering.resolve(num_id)
        if resolved is None:
            return None
        list_key, levels, instance = resolved
        ilvl = ref.ilvl if ref.ilvl is not None else style_ilvl
        if ilvl is None:
            ilvl = next((i for i, lvl in levels.items() if lvl.style_id and lvl.style_id == ref.style_id), 0)
        ilvl = _clamp_level(ilvl)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(list_key, {})
        if num_id not in self._used_instances:
            # Word's "restart numbering": a numId with startOverride starts its levels
            # afresh (at the overridden start) where it is first used.
            self._used_instances.add(num_id)
            for override_level in instance.start_overrides:
                counters[override_level] = None
        previous = counters.get(ilvl)
        value = level.start if previous is None else previous + 1
        counters[ilvl] = value
        self._reset_deeper(counters, levels, ilvl)
        if level.num_fmt == "bullet":
            return None
        return Label(text=self._render(level, levels, counters), suffix=level.suffix)

    @staticmethod
    def _reset_deeper(counters: dict[int, int | None], levels: dict[int, Level], used: int) -> None:
        for deeper in range(used + 1, MAX_LEVEL + 1):
            if counters.get(deeper) is None:
                continue
            restart_after = levels[deeper].restart_after if deeper in levels else None
            if restart_after is None or (restart_after > 0 and used < restart_after):
                counters[deeper] = None

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], counters: dict[int, int | None]) -> str:
        text = level.text
        if "%" not in text:
            return text
        for index, placeholder in enumerate(_PLACEHOLDERS):
            if placeholder not in text:
                continue
            referenced = levels.get(index)
            value = counters.get(index)
            if value is None:
                value = referenced.start if referenced is not None else 1
            fmt = "decimal" if level.legal or referenced is None else referenced.num_fmt
            text = text.replace(placeholder, format_number(fmt, value))
        return text
