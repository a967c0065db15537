"""校对: offline proofreading of report text, behind the checks in core/checks/proofreading.py.

Each module finds one class of slip in one paragraph's text and returns :class:`Hit` records
(where, the likely correct text, why, on what authority):

* :mod:`core.proofread.slips` — 错别字: a misspelling from the curated list, or a span that is no
  word where a word that sounds the same (pinyin) or looks alike is a frequent one;
* :mod:`core.proofread.confusables` — 易混词 that are words either way (截止/截至, 权利/权力),
  each wrong only in the context its rule names;
* :mod:`core.proofread.particles` — 的/地/得;
* :mod:`core.proofread.formulations` — 规范表述: fixed political formulations, names of meetings
  and documents, the numbers inside them, and ○ used as a zero;
* :mod:`core.proofread.marks` — punctuation that clashes or is misused;
* :mod:`core.proofread.quote_title_marks` — quotation marks and 书名号 misused (run by marks);
* :mod:`core.proofread.list_marks` — marks between a list's items, read with jieba's words;
* :mod:`core.proofread.doubling` — a character or word typed twice.

The rules and word lists are data in ``resources/proofread/`` (and the office's own
additions in the per-user folder, :mod:`core.proofread.data`). What needs words — jieba's
dictionary, pinyin, the sound index — is :mod:`core.proofread.lexicon`, built once in the
background after jieba has loaded.
"""
