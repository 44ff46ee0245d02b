"""The voice report's measures, on plain lists of tweets (`training/eval.py` generates them).

- voice: a character n-gram classifier (scikit-learn: TF-IDF of `char_wb` 2-5-grams, logistic
  regression with balanced classes) learns to tell the person's training tweets from the base's own;
  the share of tweets it labels as the person's is measured on the persona's tweets (the voice), the
  person's held-out real tweets (the ceiling) and base tweets it never saw (the floor).
- copying: the share of generated tweets repeating 8 or more consecutive words of a training tweet, and
  the share that are a training tweet exactly, in words as the bot's copy guard counts them
  (`training.copyguard.words`: casefolded, split on whitespace, punctuation at a word's ends dropped), so
  the report measures exactly what the guard would refuse.
- style: per-tweet means of length, @-mentions, hashtags, links, emoji, capitals and punctuation, of
  the generated tweets against the held-out ones, as relative differences.

`voice_line` is the one line the model card and the bot's `/persona info` show. This module imports
neither torch nor scikit-learn at import time, so the bot can import `voice_line` cheaply.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence

from training.checkpoint import StyleFigure, VoiceReport
from training.copyguard import DEFAULT_N, words

NGRAM_WORDS = DEFAULT_N  # a tweet sharing this many consecutive words with a training tweet copies it
STYLE_EPS = 0.01  # relative differences divide by at least this (a measure the real tweets never show)
# The classifier learns from at most this many of the person's training tweets (sampled with the seed):
# enough for a stable voice, and seconds to fit on a large archive.
MAX_PERSON_TWEETS = 5000

_MENTION = re.compile(r"(?<!\w)@\w+")
_HASHTAG = re.compile(r"(?<!\w)#\w+")
_LINK = re.compile(r"https?://\S+|www\.\S+")


def word_ngrams(text: str, n: int = NGRAM_WORDS) -> set[tuple[str, ...]]:
    """The tweet's runs of `n` consecutive words (the copy guard's `words`)."""
    ws = words(text)
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def copying(generated: Sequence[str], training: Sequence[str], n: int = NGRAM_WORDS) -> tuple[float, float]:
    """(share of `generated` sharing a run of `n` words with a training tweet, share whose words are
    exactly a training tweet's). Both 0.0 for no generated tweets."""
    if not generated:
        return 0.0, 0.0
    grams: set[tuple[str, ...]] = set()
    for tweet in training:
        grams |= word_ngrams(tweet, n)
    exact_set = {tuple(words(t)) for t in training}
    shared = sum(1 for t in generated if not grams.isdisjoint(word_ngrams(t, n)))
    exact = sum(1 for t in generated if words(t) and tuple(words(t)) in exact_set)
    return shared / len(generated), exact / len(generated)


def _emoji(ch: str) -> bool:
    # Pictographs, symbols and flags (U+1F000 on), and the older symbol and dingbat blocks.
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


def _capitals(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _punctuation(text: str) -> float:
    return sum(unicodedata.category(c).startswith("P") for c in text) / len(text) if text else 0.0


# Each style measure of one tweet; the report gives their means over a set of tweets.
STYLE: dict[str, Callable[[str], float]] = {
    "characters": len,
    "words": lambda t: len(t.split()),
    "mentions": lambda t: len(_MENTION.findall(t)),
    "hashtags": lambda t: len(_HASHTAG.findall(t)),
    "links": lambda t: len(_LINK.findall(t)),
    "emoji": lambda t: sum(map(_emoji, t)),
    "capitals": _capitals,  # share of the letters that are capitals
    "punctuation": _punctuation,  # punctuation characters per character
}


def style_means(tweets: Sequence[str]) -> dict[str, float]:
    """Each measure of `STYLE`, averaged over the tweets (0.0 for none)."""
    return {name: (sum(f(t) for t in tweets) / len(tweets) if tweets else 0.0) for name, f in STYLE.items()}


def style_report(generated: Sequence[str], real: Sequence[str]) -> dict[str, StyleFigure]:
    """Per measure: both means and (generated - real) / max(real, `STYLE_EPS`)."""
    gen, ref = style_means(generated), style_means(real)
    return {name: StyleFigure(generated=round(gen[name], 4), real=round(ref[name], 4),
                              relative=round((gen[name] - ref[name]) / max(ref[name], STYLE_EPS), 4))
            for name in STYLE}


class VoiceClassifier:
    """Tells the person's tweets (label 1) from the base's (label 0): character 2-5-grams within word
    boundaries, TF-IDF with sublinear term frequency, logistic regression weighting both classes
    equally (the person usually has many more tweets). Deterministic for a given seed."""

    def __init__(self, person: Sequence[str], base: Sequence[str], seed: int) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        if not person or not base:
            raise ValueError("the classifier needs tweets of both the person and the base")
        person = list(dict.fromkeys(person))  # a blend repeats tweets: each counts once
        if len(person) > MAX_PERSON_TWEETS:
            person = random.Random(seed).sample(person, MAX_PERSON_TWEETS)
        self.model = make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            LogisticRegression(class_weight="balanced", max_iter=1000, random_state=seed),
        )
        self.model.fit([*person, *base], [1] * len(person) + [0] * len(base))

    def share_person(self, tweets: Sequence[str]) -> float | None:
        """The share of `tweets` labelled as the person's; None for no tweets."""
        if not tweets:
            return None
        return float(sum(self.model.predict(list(tweets)))) / len(tweets)


def measure(generated: Sequence[str], training: Sequence[str], held_out: Sequence[str],
            base_train: Sequence[str], base_floor: Sequence[str], *, seed: int, base: str | None,
            sampling: dict[str, float] | None = None) -> VoiceReport:
    """The whole report. `base_train` (the classifier's negatives) and `base_floor` (the floor) are
    separate sets of the base's tweets; both empty when there is no base (`base` None): then only
    copying and style are measured."""
    voice = ceiling = floor = None
    if base is not None and base_train:
        classifier = VoiceClassifier(training, base_train, seed)
        voice = classifier.share_person(generated)
        ceiling = classifier.share_person(held_out)
        floor = classifier.share_person(base_floor)
    copied, exact = copying(generated, training)
    real_copied = copying(held_out, training)[0] if held_out else None
    return VoiceReport(
        tweets=len(generated), seed=seed, held_out=len(held_out), base=base if voice is not None else None,
        voice=_round(voice), ceiling=_round(ceiling), floor=_round(floor),
        copied_8gram=round(copied, 4), copied_exact=round(exact, 4), real_8gram=_round(real_copied),
        style=style_report(generated, held_out), sampling=dict(sampling or {}),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _of_ten(share: float) -> str:
    return f"{share * 10:.1f}".removesuffix(".0")


def _percent(share: float) -> str:
    return f"{share * 100:.1f}".removesuffix(".0") + "%"


def voice_line(report: VoiceReport) -> str:
    """The report in one line, for the model card and `/persona info`."""
    copies = (f"8+ words copied in {_percent(report.copied_8gram)} of tweets "
              f"(exact: {_percent(report.copied_exact)})")
    if report.voice is None:
        return f"Voice not measured (no base to compare: tiny learns from scratch); {copies}"
    ceiling = f"real tweets: {_of_ten(report.ceiling)} of 10; " if report.ceiling is not None else ""
    floor = f"the base: {_of_ten(report.floor)} of 10" if report.floor is not None else "no base floor"
    return f"Sounds like them in {_of_ten(report.voice)} of 10 tweets ({ceiling}{floor}); {copies}"
