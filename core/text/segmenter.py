"""jieba's word segmentation over a compact copy of its dictionary.

Stock jieba keeps its dictionary as a Python dict of about 500,000 words and prefixes:
86 MB resident for as long as the app runs. Here the same words and frequencies (jieba's
``dict.txt`` plus our user dictionary, read by jieba's own rules) live in a marisa trie
and an array of numbers, a few MB, built once and kept in the per-user cache folder.

:class:`Segmenter` cuts text exactly as ``jieba.Tokenizer.cut`` does (accurate mode, with
or without its HMM for unknown words): the same blocks (jieba's own regular expressions),
the same word graph and best route (the same floating-point sums in the same order, ties
to the longer word as jieba's ``max`` over tuples gives), and for runs of single characters
jieba's HMM (``jieba.finalseg``: its tables, its sums, its ties) through :class:`HiddenWords`,
which keeps one back-pointer per character where jieba copies a path.
tests/core/test_segmenter.py compares the two on the seeds and on generated text.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
import re
import struct
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

import marisa_trie

from core.base.atomic import atomic_write_bytes
from core.base.errors import SaveFailed

# Bump when the file layout or the way the dictionary is read changes.
FORMAT_VERSION = 1
_MAGIC = b"BGWORDS1"
_HEADER = struct.Struct("<8sQQQ")  # magic, total, trie bytes, word count; then the parts
_USER_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")  # jieba's re_userdict
# Besides Han characters, letters and digits, a block jieba cuts with its dictionary may
# hold these marks (its re_han_default): only then can a piece of it be no word ("%", ".").
_MARKS_IN_BLOCKS = re.compile(r"[+#&._%\-]")


def is_word(piece: str) -> bool:
    """A piece of a cut that is a word: it holds a letter, a digit (any script) or "_" —
    not whitespace or punctuation ("%", "——" are not words). For one character: ``\\w``."""
    return piece[:1].isalnum() or any(char.isalnum() or char == "_" for char in piece)


class DictionaryFormatError(ValueError):
    """A dictionary line that cannot be read (the message names the file and the line)."""


def read_dictionaries(main: bytes, user: bytes, user_name: str) -> tuple[dict[str, int], int, list[str]]:
    """(word → frequency, total, words the user dictionary gives frequency 0), as jieba builds them.

    jieba's ``gen_pfdict``: a later line wins for the frequency, every line adds to the total.
    Its ``load_userdict``/``add_word``: each user word sets its frequency and adds it to the
    total again. A user word without a frequency would get one suggested from the cut at that
    point; our dictionary gives every word one, and a line without is refused.
    """
    freq: dict[str, int] = {}
    total = 0
    for number, raw in enumerate(main.splitlines(), 1):
        line = raw.strip().decode("utf-8")
        if not line:
            continue
        try:
            word, count = line.split(" ")[:2]
            value = int(count)
        except ValueError as exc:
            raise DictionaryFormatError(f"jieba 词典第 {number} 行无法读取：{line!r}") from exc
        freq[word] = value
        total += value
        _add_prefixes(freq, word)
    forced: list[str] = []
    for number, raw in enumerate(user.splitlines(), 1):
        line = raw.strip().decode("utf-8").lstrip("\ufeff")
        if not line:
            continue
        match = _USER_LINE.match(line)
        if match is None or match.group(2) is None:
            raise DictionaryFormatError(f"词典文件“{user_name}”第 {number} 行缺少词频：{line!r}")
        word, value = match.group(1), int(match.group(2).strip())
        freq[word] = value
        total += value
        _add_prefixes(freq, word)
        if value == 0:
            forced.append(word)
    return freq, total, forced


def _add_prefixes(freq: dict[str, int], word: str) -> None:
    """jieba keeps every prefix of a word (frequency 0): here only for the order of the words,
    which :meth:`WordDictionary.items` gives as jieba's dict would (the proofreading's sound
    index keeps the first of equally frequent words)."""
    for end in range(1, len(word) + 1):
        if word[:end] not in freq:
            freq[word[:end]] = 0


def compact_bytes(freq: dict[str, int], total: int) -> bytes:
    """The file: header, the trie of every word with a frequency, their frequencies by trie id,
    and the trie ids in the order of ``freq``."""
    positive = [word for word, value in freq.items() if value > 0]
    trie = marisa_trie.Trie(positive)
    counts = array("Q", bytes(8 * len(trie)))
    order = array("I", bytes(4 * len(positive)))
    for index, word in enumerate(positive):
        key = trie[word]
        counts[key] = freq[word]
        order[index] = key
    trie_bytes = trie.tobytes()
    header = _HEADER.pack(_MAGIC, total, len(trie_bytes), len(trie))
    return header + trie_bytes + counts.tobytes() + order.tobytes()


def stamp(*parts: bytes) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}\n".encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def load_dictionary(
    user_dictionary: Path, folders: Sequence[Path | None], cache: Path
) -> tuple[WordDictionary, list[str]]:
    """(jieba's dictionary and ``user_dictionary`` as one compact dictionary, the user words of
    frequency 0). Read from the first of ``folders`` that has it; else made from jieba's
    ``dict.txt`` (about a second) and kept in ``cache``. Raises OSError or ValueError."""
    import jieba

    user = user_dictionary.read_bytes()
    forced = read_dictionaries(b"", user, user_dictionary.name)[2]
    name = f"words-{stamp(jieba.__version__.encode(), user)}.bin"
    for folder in folders:
        if folder is not None and (folder / name).is_file():
            try:
                found = WordDictionary.load(folder / name)
            except (OSError, ValueError):
                continue  # unreadable or cut short: made again below
            found.stamp = name
            return found, forced
    with jieba.dt.get_dict_file() as handle:
        main = handle.read()
    freq, total, _ = read_dictionaries(main, user, user_dictionary.name)
    data = compact_bytes(freq, total)
    del freq, main
    with contextlib.suppress(OSError, SaveFailed):  # a read-only profile: made again next start
        atomic_write_bytes(cache / name, data)
    made = WordDictionary(data)
    made.stamp = name
    return made, forced


class WordDictionary:
    """Words with their jieba frequencies; ``get``/``items`` as on jieba's own ``FREQ`` dict,
    except that prefixes jieba keeps with frequency 0 are not words here."""

    def __init__(self, data: bytes, path: Path | None = None) -> None:
        """``data``: the file's bytes. With the ``path`` they were read from, the word order
        (only a lexicon build asks for it) is read again from there when asked, not kept."""
        magic, total, trie_size, count = _HEADER.unpack_from(data)
        if magic != _MAGIC:
            raise DictionaryFormatError("分词词典缓存文件已损坏")
        start = _HEADER.size
        self.trie = marisa_trie.Trie().frombytes(data[start : start + trie_size])
        counts = array("Q")
        counts.frombytes(data[start + trie_size : start + trie_size + 8 * count])
        self._order_at = start + trie_size + 8 * count
        order_bytes = data[self._order_at : self._order_at + 4 * count]
        if len(counts) != count or len(order_bytes) != 4 * count or len(self.trie) != count:
            raise DictionaryFormatError("分词词典缓存文件不完整")
        self._path = path
        self._order: array[int] | None = None if path is not None else array("I", order_bytes)
        self.total = int(total)
        self.stamp = ""  # what it was made from (load_dictionary): caches derived from it say so
        # 350,000 words share some 5,000 distinct frequencies: each word keeps the rank of its
        # frequency (2 bytes) instead of the frequency and its weight (12 bytes): 3.7 MB less.
        distinct = sorted(set(counts))
        rank_of = {value: rank for rank, value in enumerate(distinct)}
        self.ranks = array("H" if len(distinct) <= 1 << 16 else "I", (rank_of[value] for value in counts))
        self.rank_counts = array("Q", distinct)
        del counts, rank_of
        log_total = math.log(total)
        # log(frequency) - log(total) of each rank, computed as jieba's calc does for each step of
        # a route. A list (160 KB), not an array: reading a float from it makes no new object,
        # and the route reads one for every word at every character.
        self.weights = [math.log(value) - log_total for value in distinct]
        self.unknown_weight = math.log(1) - log_total  # jieba: log(FREQ.get(piece) or 1)
        self.longest = max((len(word) for word in self.trie.iterkeys()), default=1)

    @classmethod
    def load(cls, path: Path) -> WordDictionary:
        return cls(path.read_bytes(), path)

    @property
    def order(self) -> array[int]:
        """Trie ids in the order of jieba's dict (read from the file the first time: OSError
        or DictionaryFormatError when it is gone or changed since)."""
        if self._order is None:
            assert self._path is not None
            with self._path.open("rb") as handle:
                handle.seek(self._order_at)
                raw = handle.read(4 * len(self.ranks))
            if len(raw) != 4 * len(self.ranks):
                raise DictionaryFormatError("分词词典缓存文件不完整")
            self._order = array("I", raw)
        return self._order

    def __len__(self) -> int:
        return len(self.ranks)

    def count(self, key: int) -> int:
        """The frequency of the word with trie id ``key``."""
        return self.rank_counts[self.ranks[key]]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self.trie

    def frequency(self, word: str) -> int:
        key = self.trie.get(word)
        return 0 if key is None else self.rank_counts[self.ranks[key]]

    def get(self, word: str, default: int | None = None) -> int | None:
        key = self.trie.get(word)
        return default if key is None else self.rank_counts[self.ranks[key]]

    def items(self) -> Iterator[tuple[str, int]]:
        """(word, frequency) in the order of jieba's own dict."""
        ranks, counts, restore = self.ranks, self.rank_counts, self.trie.restore_key
        for key in self.order:
            yield restore(key), counts[ranks[key]]


HMM_RUNS_KEPT = 4096
HMM_RUN_KEPT_CHARS = 24


class HiddenWords:
    """``jieba.finalseg.cut``: words jieba's HMM finds in a run of characters no dictionary
    word covers. Same tables, same floating-point sums in the same order, same ties as
    jieba's ``viterbi`` (``max`` over (probability, state) tuples), but one back-pointer per
    character and state instead of a copied path: a third of the time (issue 28, indexing)."""

    def __init__(self) -> None:
        import jieba.finalseg as finalseg

        self._finalseg = finalseg  # Force_Split_Words is read at each cut: add_force_split adds to it
        self._han, self._skip = finalseg.re_han, finalseg.re_skip
        floor = finalseg.MIN_FLOAT
        start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
        self._floor = floor
        self._start = tuple(start[state] for state in "BMSE")
        self._emit = tuple(emit[state] for state in "BMSE")

        def step(before: str, state: str) -> float:
            return float(trans[before].get(state, floor))

        # Into B from E or S; into M from M or B; into S from S or E; into E from B or M
        # (jieba's PrevStatus, in its order).
        self._trans = (
            step("E", "B"), step("S", "B"), step("M", "M"), step("B", "M"),
            step("S", "S"), step("E", "S"), step("B", "E"), step("M", "E"),
        )  # fmt: skip
        # The same unknown runs come back in report after report (names, 政务 coinages): their
        # states are kept, a bounded number of short runs (a few hundred KB at most).
        self._known_states = functools.lru_cache(maxsize=HMM_RUNS_KEPT)(self._states)

    def _states(self, text: str) -> str:
        """The best state of each character (B, M, E, S), as jieba's viterbi gives them."""
        floor = self._floor
        emit_b, emit_m, emit_s, emit_e = (table.get for table in self._emit)
        eb, sb, mm, bm, ss, es, be, me = self._trans
        first = text[0]
        b = self._start[0] + emit_b(first, floor)
        m = self._start[1] + emit_m(first, floor)
        s = self._start[2] + emit_s(first, floor)
        e = self._start[3] + emit_e(first, floor)
        back: list[str] = []  # per character after the first: where B, M, S, E came from
        for char in text[1:]:
            # Each comparison as jieba's max over (score, state): on equal scores the later letter wins.
            em = emit_b(char, floor)
            one, two = e + eb + em, s + sb + em
            nb, from_b = (one, "E") if one > two else (two, "S")
            em = emit_m(char, floor)
            one, two = m + mm + em, b + bm + em
            nm, from_m = (one, "M") if one >= two else (two, "B")
            em = emit_s(char, floor)
            one, two = s + ss + em, e + es + em
            ns, from_s = (one, "S") if one >= two else (two, "E")
            em = emit_e(char, floor)
            one, two = b + be + em, m + me + em
            ne, from_e = (one, "B") if one > two else (two, "M")
            back.append(from_b + from_m + from_s + from_e)
            b, m, s, e = nb, nm, ns, ne
        state = "E" if e > s else "S"
        states = [state]
        for came in reversed(back):
            state = came["BMSE".index(state)]
            states.append(state)
        states.reverse()
        return "".join(states)

    def _cut_han(self, text: str, out: list[str]) -> None:
        forced = self._finalseg.Force_Split_Words
        begin = following = 0
        states = self._known_states(text) if len(text) <= HMM_RUN_KEPT_CHARS else self._states(text)
        for index, state in enumerate(states):
            if state == "B":
                begin = index
            elif state == "E":
                word = text[begin : index + 1]
                if word in forced:
                    out.extend(word)
                else:
                    out.append(word)
                following = index + 1
            elif state == "S":
                out.append(text[index])  # a single character is never split further
                following = index + 1
        if following < len(text):
            rest = text[following:]
            if rest in forced:
                out.extend(rest)
            else:
                out.append(rest)

    def cut(self, sentence: str, out: list[str]) -> None:
        """Append the words of ``sentence`` to ``out``, as ``jieba.finalseg.cut`` yields them."""
        han, skip = self._han, self._skip
        for block in han.split(sentence):
            if han.match(block):
                self._cut_han(block, out)
            elif block:
                out.extend(piece for piece in skip.split(block) if piece)


class Segmenter:
    """``cut`` as ``jieba.dt.cut`` with the same dictionary: same words, same order."""

    def __init__(self, dictionary: WordDictionary) -> None:
        import jieba

        self.dictionary = dictionary
        self._han = jieba.re_han_default
        self._skip = jieba.re_skip_default
        self._eng = jieba.re_eng
        self._hidden = HiddenWords()

    def cut(self, sentence: str, hmm: bool = True) -> list[str]:
        """The words in order (a list: built in place, without a generator per word)."""
        han, skip = self._han, self._skip
        cut_block = self._cut_dag if hmm else self._cut_dag_no_hmm
        out: list[str] = []
        for block in han.split(sentence):
            if not block:
                continue
            if han.match(block):
                cut_block(block, out)
            else:
                for piece in skip.split(block):
                    if skip.match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out

    def words(self, sentence: str, out: list[str]) -> None:
        """Append the pieces of ``cut(sentence)`` that are words (:func:`is_word`) to ``out``,
        without making the others first."""
        han = self._han
        for block in han.split(sentence):
            if not block:
                continue
            if not han.match(block):
                # Whitespace, punctuation and other marks: each character its own piece.
                out.extend(char for char in block if char.isalnum() or char == "_")
            elif _MARKS_IN_BLOCKS.search(block) is None:
                self._cut_dag(block, out)  # every piece starts with a Han character, letter or digit
            else:
                pieces: list[str] = []
                self._cut_dag(block, pieces)
                out.extend(piece for piece in pieces if is_word(piece))

    def _route(self, sentence: str) -> list[int]:
        """For each position, where jieba's best route's word starting there ends (exclusive)."""
        dictionary = self.dictionary
        prefixes = dictionary.trie.iter_prefixes_with_ids
        weights, ranks = dictionary.weights, dictionary.ranks
        unknown, longest = dictionary.unknown_weight, dictionary.longest
        size = len(sentence)
        scores = [0.0] * (size + 1)
        ends = [0] * (size + 1)
        for start in range(size - 1, -1, -1):
            best_score, best_end = 0.0, -1
            for word, key in prefixes(sentence[start : start + longest]):
                end = start + len(word)
                score = weights[ranks[key]] + scores[end]
                # jieba takes max over (score, end): on equal scores the longer word wins.
                if best_end < 0 or score >= best_score:
                    best_score, best_end = score, end
            if best_end < 0:  # no word starts here: the character alone
                best_score, best_end = unknown + scores[start + 1], start + 1
            scores[start], ends[start] = best_score, best_end
        return ends

    def _cut_dag(self, sentence: str, out: list[str]) -> None:
        ends = self._route(sentence)
        trie = self.dictionary.trie
        position, size, buffer = 0, len(sentence), ""
        while position < size:
            end = ends[position]
            if end - position == 1:
                buffer += sentence[position]
            else:
                if buffer:
                    self._flush(buffer, trie, out)
                    buffer = ""
                out.append(sentence[position:end])
            position = end
        if buffer:
            self._flush(buffer, trie, out)

    def _flush(self, buffer: str, trie: marisa_trie.Trie, out: list[str]) -> None:
        """A run of single characters: jieba's HMM guesses words in it, unless it is a word."""
        if len(buffer) == 1:
            out.append(buffer)
        elif buffer not in trie:
            self._hidden.cut(buffer, out)
        else:
            out.extend(buffer)

    def _cut_dag_no_hmm(self, sentence: str, out: list[str]) -> None:
        ends = self._route(sentence)
        eng = self._eng
        position, size, buffer = 0, len(sentence), ""
        while position < size:
            end = ends[position]
            word = sentence[position:end]
            if end - position == 1 and eng.match(word):
                buffer += word
            else:
                if buffer:
                    out.append(buffer)
                    buffer = ""
                out.append(word)
            position = end
        if buffer:
            out.append(buffer)
