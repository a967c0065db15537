"""What the word-level rules need: jieba's dictionary with our 政务 words, pinyin, word classes.

Built once, after jieba has loaded (:mod:`core.text.language`), in about a second, from the
indexes of :mod:`core.proofread.sounds`:

* ``sound_index`` — every frequent dictionary word under the key of its characters' main
  readings without tones: a span that is no word but sounds like one is found in one look-up;
* names of places, people and organisations (应城) are in neither index: never what a slip meant,
  unless published reports write them (jieba tags 城市, 美丽 and 廉政 as names; 天津 misspelt is
  a slip too);
* ``near_index`` — the three most frequent common words under each blurred sound key (n/ng,
  z/zh c/ch s/sh made one): 下城 → 下沉, 专相 → 专项;
* ``idiom_masks`` — every four-character idiom with one character hidden (实事救是 → 实事求是);
* ``tags`` — the word classes jieba's dictionary gives (verbs, idioms, names, adjectives,
  nouns) for the words the rules ask about;
* the shape table and our word lists (:mod:`core.proofread.data`).

Nothing here runs at import time. :func:`start_background_build` builds it in a daemon
thread; :func:`get_lexicon` returns it, waiting for the build only when asked to — the
window's checks never wait (they skip the word-level rules until it is ready and run again).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import math
import re
import threading
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field

import marisa_trie

from core.base.atomic import atomic_write_bytes
from core.base.errors import SaveFailed
from core.base.memory import release_free_memory
from core.base.paths import cache_dir
from core.proofread import data, sounds
from core.proofread.shapes import ShapeTable, shapes
from core.text.segmenter import WordDictionary

log = logging.getLogger(__name__)

# A word enters the sound index when jieba saw it this often (idioms, rarer in its corpus, from
# a lower count): below that a "correction" is as likely to be the slip as the text.
MIN_TARGET_FREQ = 20
MIN_IDIOM_FREQ = 5
MAX_WORD = 7
# Verbs and idioms the rules ask about, from jieba's dictionary: those it saw this often.
MIN_TAGGED_FREQ = 5
# Frequency given to our own 政务 words and the office's words.
KNOWN_WORD_FREQ = 2000
# A word jieba tags as a name is a word a slip may have meant when the reports wrote it this often.
REPORT_NAME_SEEN = 3
# A word published reports use this often joins the blurred-sound index whatever jieba's count.
REPORT_NEAR_SEEN = 20
# A character an input method offers among the candidates of its syllable: one jieba saw at
# least this often on its own (rarer ones sit pages down the list).
IME_CHARACTER = 50
# Words this long are few (7,000 of jieba's 350,000): kept apart in tries of their own.
LONG_WORD = 5
# Runs of a paragraph whose cut is kept: the slip, doubling and context rules each cut every run
# of the paragraph in turn, and a paragraph seldom has more runs than this.
CUT_CACHE = 512
# At most this many of jieba's counts remembered (under 1 MB): most repeats come soon after.
_FREQUENCIES_KEPT = 5_000
_CJK_WORD = re.compile(rf"[\u4e00-\u9fff]{{2,{MAX_WORD}}}")


@dataclass
class Lexicon:
    freq: WordDictionary  # jieba's word frequencies (core.text.language's compact copy, shared)
    total: int
    known: frozenset[str]  # our 政务 words and the office's
    readings: sounds.Readings  # character → main reading
    sound_index: sounds.SoundIndex  # sound key → the most frequent word with that sound
    near_index: sounds.WordsByKey  # blurred sound key → its most frequent words
    idiom_masks: sounds.WordsByKey  # 实事?是 (as :func:`sounds.mask_key`) → 实事求是
    # Word sets of 2,000–116,000 words each, as marisa tries (``in`` only): a few hundred KB
    # instead of tens of thousands of strings kept for as long as the app runs.
    verbs: Container[str]
    nominal_verbs: Container[str]  # verbs jieba also tags as nouns (监督, 宣传): 有效的监督机制
    idioms: Container[str]
    # Names of places, people and organisations jieba's dictionary tags (渠县, 大荔): a word
    # that is one is meant as written, whatever its neighbours.
    names: Container[str]
    # Words of two to four characters jieba tags adjectives (热烈, 完整) and nouns (掌声, 饲草料):
    # the 的/地 rules ask what stands before and after 地. jieba tags some verbs nouns too
    # (履行, 面向), so the rules ask official text how the word is used as well.
    adjectives: Container[str]
    nouns: Container[str]
    # Words jieba tags adverbs or adverbial adjectives (随时, 逐步, 如实; 正确, 普遍): before 的 and a
    # verb with its object they say how the verb is done.
    adverbs: Container[str]
    shapes: ShapeTable
    segment: Callable[[str], list[str]]
    # The characters of each reading, commonest first, as strings (a string of characters is a
    # tenth of a tuple of one-character strings' memory; ``in`` and iterating read it alike).
    _same_syllable: dict[str, str] | None = field(default=None, repr=False)
    _same_sound: dict[str, str] | None = field(default=None, repr=False)
    # same_syllable and same_sound per character asked (_mates_of)
    _syllable_mates: dict[str, str] = field(default_factory=dict, repr=False)
    _sound_mates: dict[str, str] = field(default_factory=dict, repr=False)
    # Every beginning of our words, for the ``known`` it was made from (the office may add words).
    _known_beginnings: tuple[frozenset[str], dict[str, tuple[str, ...]]] | None = field(default=None, repr=False)
    # The long words (dictionary and ours), forwards and backwards, for the ``known`` they were made from.
    _long_words: tuple[frozenset[str], marisa_trie.Trie, marisa_trie.Trie] | None = field(default=None, repr=False)
    # jieba's counts of the words asked for lately: the rules ask for the same spans again and
    # again (two asks in three on the seeds), each a walk down the trie.
    _frequencies: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def idioms_like(self, four: str, hidden: int) -> tuple[str, ...]:
        """The idioms that are ``four`` but for the character at ``hidden``."""
        return sounds.idioms_like(self.idiom_masks, four, hidden)

    def frequency(self, word: str) -> int:
        count = self._frequencies.get(word)
        if count is None:
            if len(self._frequencies) >= _FREQUENCIES_KEPT:
                self._frequencies.clear()
            count = self._frequencies[word] = self.freq.get(word, 0) or 0
        if word in self.known:
            return max(KNOWN_WORD_FREQ, count)
        return count

    def forget_frequencies(self) -> None:
        self._frequencies.clear()

    def log_probability(self, word: str) -> float:
        return math.log(max(self.frequency(word), 1) / self.total)

    def sound_key(self, text: str) -> int | None:
        return sounds.sound_key(self.readings, text)

    def sound_keys(self, text: str) -> list[int]:
        """The sound keys of ``text`` with its polyphonic characters read either way."""
        return sounds.sound_keys(self.readings, text)

    def sounds_alike(self, a: str, b: str, tone: bool) -> bool:
        """The same main reading; without ``tone``, any of the two readings of a character that
        has more (常 and 长 of 源远流长: cháng)."""
        if tone:
            ra = self.readings.toned(a)
            return ra is not None and ra == self.readings.toned(b)
        theirs = self.readings.plain_readings(b)
        return any(reading in theirs for reading in self.readings.plain_readings(a))

    def reading_in(self, word: str, at: int) -> str | None:
        """How ``word`` reads its character at ``at``, toned: 调 in 协调 is tiáo, though diào alone."""
        toned = data.word_readings()(word)
        return toned[at] if toned is not None and at < len(toned) else self.readings.toned(word[at])

    def sounds_alike_in(self, written: str, word: str, at: int, tone: bool) -> bool:
        """Does ``written`` sound as ``word`` reads its character at ``at`` (条 and 协调's 调: tiáo)?
        A word whose reading is not listed is read as :meth:`sounds_alike` reads characters."""
        if data.word_readings()(word) is None:
            return self.sounds_alike(written, word[at], tone)
        meant = self.reading_in(word, at)
        if meant is None:
            return False
        if tone:
            return self.readings.toned(written) == meant
        return sounds.plain_syllable(meant) in self.readings.plain_readings(written)

    def sounds_near_in(self, written: str, word: str, at: int, tone: bool = False) -> bool:
        """:meth:`sounds_near` against the reading ``word`` gives its character at ``at``."""
        if data.word_readings()(word) is None:
            return self.sounds_near(written, word[at], tone)
        meant, own = self.reading_in(word, at), self.readings.toned(written)
        if meant is None or own is None:
            return False
        if sounds.blurred(sounds.plain_syllable(own)) != sounds.blurred(sounds.plain_syllable(meant)):
            return False
        return not tone or sounds.tone(own) == sounds.tone(meant)

    def same_syllable(self, ch: str) -> str:
        """The common characters an input method lists with ``ch``: the same syllable and tone
        (式 → 示, 事, 是 …), commonest first; not ``ch`` itself."""
        if self._same_syllable is None:
            self._same_syllable = self._common_by_reading(self.readings.toned)
        return _mates_of(ch, self._syllable_mates, self._same_syllable, self.readings.toned)

    def same_sound(self, ch: str) -> str:
        """The common characters of ``ch``'s syllable in any tone (失 → 事, 是, 使 …): the input
        method lists them all under the same letters; commonest first, not ``ch`` itself."""
        if self._same_sound is None:
            self._same_sound = self._common_by_reading(self.readings.plain)
        return _mates_of(ch, self._sound_mates, self._same_sound, self.readings.plain)

    def _common_by_reading(self, reading_of: Callable[[str], str | None]) -> dict[str, str]:
        by_reading: dict[str, list[tuple[int, str]]] = {}
        for code in range(0x4E00, 0xA000):
            other = chr(code)
            count = self.freq.get(other, 0)
            reading = reading_of(other) if count >= IME_CHARACTER else None
            if reading is not None:
                by_reading.setdefault(reading, []).append((-count, other))
        return {reading: "".join(c for _, c in sorted(group)) for reading, group in by_reading.items()}

    def words(self, text: str) -> list[str]:
        """jieba's cut without its guesser for unknown words: an unknown span stays in pieces.
        The list is shared with the other rules that cut the same run (read it, never change it)."""
        return self.segment(text)

    def near_key(self, text: str) -> int | None:
        """:meth:`sound_key` with n/ng, l/n and z/zh, c/ch, s/sh made one."""
        return sounds.near_key(self.readings, text)

    def begins_word(self, text: str) -> bool:
        """Does some dictionary word start with ``text`` (or is it one)?"""
        return next(self.freq.trie.iterkeys(text), None) is not None

    def begins_any_word(self, text: str) -> bool:
        """Does a dictionary word or one of our words start with ``text`` (or is it one)?"""
        return self.begins_word(text) or text in self._known_by_beginning()

    def words_beginning(self, text: str) -> Iterator[str]:
        """The dictionary words and our words that start with ``text`` (one may come twice)."""
        yield from self.freq.trie.iterkeys(text)
        yield from self._known_by_beginning().get(text, ())

    def long_words(self) -> tuple[marisa_trie.Trie, marisa_trie.Trie]:
        """The words of LONG_WORD characters or more, dictionary and ours, as a trie and as a trie
        of them written backwards: some 7,000 of jieba's 350,000 (70 KB), so a long span's slip
        rules ask only where a word of its length may begin and end."""
        made = self._long_words
        if made is None or made[0] is not self.known:
            found = {word for word in self.freq.trie.iterkeys() if len(word) >= LONG_WORD}
            found |= {word for word in self.known if len(word) >= LONG_WORD}
            made = self._long_words = (
                self.known,
                marisa_trie.Trie(found),
                marisa_trie.Trie(word[::-1] for word in found),
            )
        return made[1], made[2]

    def _known_by_beginning(self) -> dict[str, tuple[str, ...]]:
        made = self._known_beginnings
        if made is None or made[0] is not self.known:
            beginnings: dict[str, list[str]] = {}
            for word in self.known:
                for end in range(1, len(word) + 1):
                    beginnings.setdefault(word[:end], []).append(word)
            made = self._known_beginnings = (self.known, {text: tuple(words) for text, words in beginnings.items()})
        return made[1]

    def sounds_near(self, a: str, b: str, tone: bool = False) -> bool:
        """Same syllable once n/ng, l/n and z/zh, c/ch, s/sh are made one; with ``tone``, in the same
        tone too (a slip picks a character that sounds the same; two loose characters that
        happen to sound like a word mostly differ in tone)."""
        ra, rb = self.readings.plain(a), self.readings.plain(b)
        if ra is None or rb is None or sounds.blurred(ra) != sounds.blurred(rb):
            return False
        return not tone or sounds.tone(self.readings.toned(a) or "") == sounds.tone(self.readings.toned(b) or "")

    def sounds_or_looks_alike(self, a: str, b: str) -> bool:
        """Does ``b`` sound near ``a`` in any tone, or look like it (the shape tables)? What a
        slip of pinyin input or of the eye puts for a character."""
        return self.sounds_near(a, b) or b in self.shapes.similar.get(a, ())



_build_lock = threading.Lock()
_built = threading.Event()
_lexicon: Lexicon | None = None
_error: BaseException | None = None
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()

# The word classes the lexicon keeps as tries, in the order the file stores them.
WORD_CLASSES = ("verbs", "nominal_verbs", "idioms", "names", "adjectives", "nouns", "adverbs")


def _dictionary_tags(tokenizer: object) -> dict[str, set[str]]:
    """Each of WORD_CLASSES (verbs, verbs also used as nouns, idioms, names, adjectives, nouns, adverbs)
    from jieba's dictionary file, whose third column is the word class."""
    classes: dict[str, set[str]] = {name: set() for name in WORD_CLASSES}
    verbs, nominal, idioms, names = classes["verbs"], classes["nominal_verbs"], classes["idioms"], classes["names"]
    handle = tokenizer.get_dict_file()  # type: ignore[attr-defined]
    with handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) < 3 or len(parts[0]) > 8:
                continue
            word, tag = parts[0], parts[2]
            if tag == "n" and 2 <= len(word) <= 4:
                classes["nouns"].add(word)  # however rare: a noun seldom seen (饲草料 3) is still one
                continue
            if int(parts[1]) < MIN_TAGGED_FREQ:
                continue
            if tag in ("v", "vn", "vd", "vi") and len(word) <= 4:
                verbs.add(word)
                if tag == "vn":
                    nominal.add(word)
            elif tag in ("i", "l") and len(word) >= 4:
                idioms.add(word)
            elif tag in ("nr", "nrt", "nrfg") and len(word) >= 4:
                continue  # four-character "names" in jieba are mostly idioms it mis-tagged (关怀备至 nr)
            elif tag in ("nr", "ns", "nt", "nz", "nrt", "nrfg"):
                names.add(word)
            elif tag == "a" and 2 <= len(word) <= 4:
                classes["adjectives"].add(word)
            elif tag in ("d", "ad") and 2 <= len(word) <= 4:
                classes["adverbs"].add(word)  # ad: an adjective used as an adverbial (积极, 认真)
    return classes


def _mates_of(ch: str, kept: dict[str, str], by_reading: dict[str, str], reading_of: Callable[[str], str | None]) -> str:
    """The characters of ``ch``'s reading but ``ch`` itself, worked out once per character and
    ``kept``: the slip rules ask for every character of every span."""
    found = kept.get(ch)
    if found is None:
        found = kept[ch] = by_reading.get(reading_of(ch) or "", "").replace(ch, "")
    return found


def _lexicon_with(dictionary: WordDictionary, classes: dict[str, marisa_trie.Trie]) -> Lexicon:
    """A lexicon over ``dictionary`` with the tries of WORD_CLASSES and empty indexes (filled by
    :func:`build` or the file)."""
    from core.text import language

    return Lexicon(
        freq=dictionary,
        total=dictionary.total,
        known=data.known_words(),
        readings=sounds.readings(),
        sound_index=sounds.SoundIndex({}, str),
        near_index=sounds.WordsByKey(),
        idiom_masks=sounds.WordsByKey(),
        **classes,
        shapes=shapes(),
        segment=functools.lru_cache(maxsize=CUT_CACHE)(lambda text: language.cut(text, hmm=False)),
    )


def build() -> Lexicon:
    """Load jieba (waiting for a load under way) and build the lexicon. Takes about a second."""
    import jieba

    from core.text import language

    dictionary = language.dictionary()
    known = data.known_words()
    lists = data.wordlists()
    classes = _dictionary_tags(jieba.dt)
    classes["verbs"] |= lists.get("verbs", frozenset())
    classes["idioms"] |= {w for w in known if len(w) >= 4}
    lexicon = _lexicon_with(dictionary, {name: marisa_trie.Trie(words) for name, words in classes.items()})
    # sound key → (frequency, the word as its dictionary id, or itself when not in the dictionary)
    best: dict[int, tuple[int, int | str]] = {}
    near: dict[int, tuple[str, ...]] = {}  # blurred sound key → its commonest words, while built

    # A word with a polyphonic character is also keyed by its other reading (协调 as xié tiáo,
    # not only by 调's first reading diào), where no word of that sound is keyed by its first.
    other_reading: dict[int, tuple[int, int | str]] = {}

    def offer(word: str, count: int, ref: int | str) -> None:
        if not _CJK_WORD.fullmatch(word):
            return
        keys = lexicon.sound_keys(word) if len(word) <= 4 else [lexicon.sound_key(word)]
        if not keys or keys[0] is None:
            return
        for place, key in enumerate(keys):
            table = best if place == 0 else other_reading
            held = table.get(key)
            if held is None or held[0] < count:  # equal: the first met stays, in jieba's order
                table[key] = (lexicon.frequency(word), ref)
        # The blurred-sound index keeps common words, and the words reports write often though
        # jieba's counts are middling (精准 99, 统筹 470: 金准 and 统凑 are slips of them).
        if len(word) <= 4 and (count >= sounds.NEAR_MIN_FREQ or report_word(word)):
            _keep_near(lexicon, near, word, max(count, sounds.NEAR_MIN_FREQ))

    count_of, restore = dictionary.count, dictionary.trie.restore_key
    report_count = data.report_word_counts()
    vocabulary = data.report_vocabulary()

    def report_word(word: str) -> bool:
        return report_count(word) >= REPORT_NEAR_SEEN or word in vocabulary
    for word_id in dictionary.order:
        count = count_of(word_id)
        if count < MIN_IDIOM_FREQ:
            continue
        word = restore(word_id)
        # Rarer words too where reports write them often (棚户区 13: 蓬户区 is its slip).
        wanted = (count >= MIN_TARGET_FREQ or len(word) >= 4 or report_word(word)) and 2 <= len(word) <= MAX_WORD
        if wanted and (word not in classes["names"] or report_count(word) >= REPORT_NAME_SEEN):
            offer(word, count, word_id)
    for word in known:
        word_id = dictionary.trie.get(word)
        offer(word, KNOWN_WORD_FREQ, word if word_id is None else word_id)
    for key, entry in other_reading.items():
        best.setdefault(key, entry)
    lexicon.sound_index = sounds.SoundIndex(best, restore)
    lexicon.near_index = sounds.near_words(near)
    lexicon.idiom_masks = sounds.idiom_masks(classes["idioms"])
    return lexicon


def _keep_near(lexicon: Lexicon, near: dict[int, tuple[str, ...]], word: str, count: int) -> None:
    key = lexicon.near_key(word)
    if key is not None:
        sounds.keep_near(near, key, word, count, lexicon.frequency)



# Bump when build() or the file's layout changes: a file of another version is never read.
FILE_FORMAT = 12  # 12: adverbial adjectives among the adverbs; 11: adverbs; 10: report words in the sound index; 3: the near index and the idiom masks as arrays; 4: names the reports write; 5: other readings; 6: report words in the near index; 7: l/n blurred; 8: the names kept; 9: adjectives and nouns
_FILE_PREFIX = "lexicon-"


def file_name(dictionary: WordDictionary) -> str | None:
    """The lexicon file's name: a digest of everything :func:`build` reads (the dictionary, our
    and the office's words, the 机关 vocabulary, the word lists, pypinyin's table). None when the dictionary does
    not say what it was made from."""
    if not dictionary.stamp:
        return None
    table = sounds.pinyin_table_path().stat()
    digest = hashlib.sha256(f"{FILE_FORMAT}\n{marshal.version}\n{dictionary.stamp}\n".encode())
    # The build's own limits: changing one makes another lexicon even without a format bump.
    limits = (
        MIN_TARGET_FREQ, MIN_IDIOM_FREQ, MAX_WORD, MIN_TAGGED_FREQ, KNOWN_WORD_FREQ, REPORT_NAME_SEEN,
        sounds.NEAR_WORDS, sounds.NEAR_MIN_FREQ,
    )
    digest.update(repr(limits).encode())
    digest.update(f"{table.st_size} {table.st_mtime_ns}\n".encode())
    digest.update(hashlib.sha256(data.report_words_path().read_bytes()).digest())
    digest.update("\n".join(sorted(data.known_words())).encode())
    digest.update("\n".join(sorted(data.report_vocabulary())).encode())  # the near index keeps its words
    for name, words in sorted(data.wordlists().items()):
        digest.update(f"\n[{name}]\n".encode() + "\n".join(sorted(words)).encode())
    return f"{_FILE_PREFIX}{digest.hexdigest()[:16]}.bin"


def lexicon_bytes(lexicon: Lexicon) -> bytes:
    """What :func:`build` worked out, as plain values (marshal: no code runs when it is read)."""
    tries = [getattr(lexicon, name) for name in WORD_CLASSES]
    return marshal.dumps(
        (
            FILE_FORMAT,
            *sounds.numbering(),
            lexicon.sound_index.arrays(),
            lexicon.near_index.arrays(),
            lexicon.idiom_masks.arrays(),
            tuple(trie.tobytes() for trie in tries if isinstance(trie, marisa_trie.Trie)),
        )
    )


def lexicon_from_bytes(blob: bytes, dictionary: WordDictionary) -> Lexicon | None:
    """The lexicon :func:`lexicon_bytes` wrote; None when it cannot be used here (then built).
    Raises ValueError (or EOFError, TypeError, RuntimeError) for a damaged file."""
    version, syllables, near_syllables, sound, near_index, idiom_masks, tries = marshal.loads(blob)
    if version != FILE_FORMAT or len(tries) != len(WORD_CLASSES):
        return None
    # Sound keys number syllables in the order first met: the file's keys hold only if the
    # numbers given so far in this process are the start of the file's.
    if not sounds.adopt_numbering(syllables, near_syllables):
        return None
    lexicon = _lexicon_with(
        dictionary, {name: marisa_trie.Trie().frombytes(part) for name, part in zip(WORD_CLASSES, tries, strict=True)}
    )
    lexicon.sound_index = sounds.SoundIndex.from_arrays(*sound, restore=dictionary.trie.restore_key)
    lexicon.near_index = sounds.WordsByKey.from_arrays(*near_index)
    lexicon.idiom_masks = sounds.WordsByKey.from_arrays(*idiom_masks)
    return lexicon


def load_or_build() -> Lexicon:
    """The lexicon from the cache folder when a file made from the same words is there (a
    tenth of the time, and compact: building leaves its scraps scattered over the heap, about
    15 MB the process never gives back); else built, and the file written for next time."""
    from core.text import language

    dictionary = language.dictionary()
    name = file_name(dictionary)
    folder = cache_dir()
    if name is not None:
        # A damaged file (marisa reports bad bytes as RuntimeError) is built again and replaced.
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError, RuntimeError):
            loaded = lexicon_from_bytes((folder / name).read_bytes(), dictionary)
            if loaded is not None:
                return loaded
    built = build()
    if name is not None:
        with contextlib.suppress(OSError, SaveFailed):  # a read-only profile: built again next start
            atomic_write_bytes(folder / name, lexicon_bytes(built))
            for old in folder.glob(f"{_FILE_PREFIX}*.bin"):
                if old.name != name:
                    old.unlink(missing_ok=True)
    return built


def _build_once() -> Lexicon:
    global _lexicon, _error
    with _build_lock:
        if _lexicon is None:
            try:
                built = load_or_build()
                # The counts from published reports the slip rules read, loaded here too: their
                # reading leaves 1.5 MB of scraps that the release below gives back (0.3 MB kept).
                data.report_pairs(), data.report_word_counts(), data.report_collocations()
                release_free_memory()  # the build's short-lived objects, before it is seen ready
                _lexicon = built
                _error = None
            except Exception as exc:
                _error = exc
                raise
            finally:
                _built.set()
        return _lexicon


def is_ready() -> bool:
    return _lexicon is not None


def start_background_build() -> threading.Thread:
    """Build in a daemon thread (once); jieba loads first if it has not yet."""
    global _thread
    with _thread_lock:
        if _thread is None or (not _thread.is_alive() and _lexicon is None):

            def run() -> None:
                try:
                    _build_once()
                except Exception:  # reported again, as a clear error, by the next caller that waits
                    log.exception("proofreading lexicon could not be built")

            _thread = threading.Thread(target=run, name="proofread-lexicon", daemon=True)
            _thread.start()
        return _thread


def wait_for_background_build(timeout: float | None = None) -> None:
    """Let a build started in the background finish (its objects come and go by the thousand:
    whoever measures memory or reference counts waits for it first)."""
    thread = _thread
    if thread is not None and thread.is_alive():
        thread.join(timeout)


def get_lexicon(wait: bool = True) -> Lexicon | None:
    """The lexicon; None when it is not built yet and ``wait`` is False (a build is then started)."""
    if _lexicon is not None:
        return _lexicon
    if not wait:
        start_background_build()
        return None
    return _build_once()


def refresh_known_words() -> None:
    """The office's word list changed (加入本单位词表): take its words in, without a rebuild."""
    lexicon = _lexicon
    if lexicon is None:
        return
    lexicon.known = data.known_words()
    near: dict[int, tuple[str, ...]] = {}  # the near index's keys that the words may change
    for word in lexicon.known:
        key = lexicon.sound_key(word) if _CJK_WORD.fullmatch(word) else None
        if key is not None:
            lexicon.sound_index.add(key, word)
        if key is not None and len(word) <= 4 and KNOWN_WORD_FREQ >= sounds.NEAR_MIN_FREQ:
            near_key = lexicon.near_key(word)
            if near_key is not None and near_key not in near:
                near[near_key] = lexicon.near_index.get(near_key)
            _keep_near(lexicon, near, word, KNOWN_WORD_FREQ)
    changed = {key: words for key, words in near.items() if words != lexicon.near_index.get(key)}
    if changed:
        lexicon.near_index = lexicon.near_index.replaced(changed)


def reset_for_tests() -> None:
    """Forget the built lexicon (tests that change the office word list)."""
    global _lexicon
    with _build_lock:
        _lexicon = None
        _built.clear()
