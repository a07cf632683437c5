"""Japanese words for a full-text index that splits words on spaces.

SQLite's FTS5 (unicode61 tokenizer) and PostgreSQL's text search cut text into words at
spaces and punctuation. Japanese leaves no space between words, so a whole sentence such
as 電話チャネルの監査ログを残す was one "word", and a reader's 監査ログ never matched it.

Three ways were weighed:

- A morphological analyser (MeCab, Sudachi, Janome) finds real words, but needs a
  dictionary of tens of megabytes on every app server, cuts compounds in its own way
  (電話チャネル may become 電話 + チャネル, or not), and misses names and product terms that
  are not in its dictionary.
- SQLite's trigram tokenizer or PostgreSQL's pg_bigm/pg_trgm: one answer per database, a
  migration of the index tables, and SQLite's trigrams cannot match a two-letter word
  such as 電話.
- Overlapping pairs of characters (bigrams), the way Lucene's CJKBigramFilter indexes
  Chinese, Japanese and Korean: 電話チャネル is indexed as 電話 話チ チャ ャネ ネル, and a
  query is cut the same way, so any word of two letters or more inside the text is found,
  whatever the dictionary knows. It needs nothing but Python and works on both databases.

Candor uses bigrams. Every run of kanji, hiragana and katakana is also indexed one
character at a time, so a one-letter query (税) finds 消費税. Text is normalised with
NFKC first, on both sides, so full-width and half-width forms meet: ｻﾎﾟｰﾄ is サポート,
ＳＳＯ is SSO, ２０２６ is 2026. Latin words are left as they are, for the database's own
stemming (PostgreSQL) to work on as before.

The cost is a larger index for Japanese text and a little noise: a query's bigrams must
all appear, but not necessarily side by side.
"""

import re
import unicodedata

# Kanji (with the iteration marks 々 and 〆), hiragana and katakana with its long-vowel
# mark ー. The katakana middle dot ・ is punctuation and parts words, as a space would.
JAPANESE_RUN = re.compile(
    "["
    "\u3005\u3006"  # 々 〆
    "\u3040-\u309f"  # hiragana
    "\u30a0-\u30fa\u30fc-\u30ff"  # katakana, without ・
    "\u31f0-\u31ff"  # small katakana for Ainu
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kanji
    "\U00020000-\U0003134f"  # rarer kanji
    "]+"
)
# Japanese punctuation (、。「」・ and the like) parts words. PostgreSQL in the C locale
# reads every non-ASCII character as a letter, so it would otherwise keep 「電話」 whole.
NON_ASCII_PUNCTUATION = re.compile(r"[^\w\s\x00-\x7f]")


def normalised(text):
    """``text`` with full-width Latin letters and digits made half-width and half-width
    katakana made full-width (NFKC), as a reader would consider them the same."""
    return unicodedata.normalize("NFKC", text)


def bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _spaced(words):
    return " " + " ".join(words) + " "


def index_text(text):
    """What the index stores for ``text``: Latin words as they are, each run of
    Japanese as its characters and its overlapping pairs of characters."""
    text = NON_ASCII_PUNCTUATION.sub(" ", normalised(text))
    return JAPANESE_RUN.sub(lambda run: _spaced([*run[0], *bigrams(run[0])]), text)


def query_text(text):
    """What a query looks for: Latin words as they are, each Japanese word as its
    pairs of characters (or itself, if it is one character long)."""
    text = NON_ASCII_PUNCTUATION.sub(" ", normalised(text))
    return JAPANESE_RUN.sub(lambda run: _spaced(bigrams(run[0]) or [run[0]]), text)


# Full-width forms of the printable ASCII characters sit 0xFEE0 above them.
FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def width_forms(word):
    """The forms ``word`` may be stored in, for a substring search that the database
    cannot normalise: as NFKC makes it (SSO, 2日), and with full-width Latin letters and
    digits (ＳＳＯ, ２日), as Japanese keyboards often type them."""
    word = normalised(word)
    return list(dict.fromkeys([word, word.translate(FULL_WIDTH)]))
