"""The voice report's measures on hand-made tweet sets: the classifier separates two very different
voices, copying counts 8-word runs and exact copies exactly, style means and relative differences are
exact, and the one line the card and /persona info show."""

import random

import pytest

from training.checkpoint import PersonaMeta, VoiceReport
from training.voice import (
    STYLE_EPS,
    VoiceClassifier,
    copying,
    measure,
    style_means,
    style_report,
    voice_line,
    word_ngrams,
)

BAKER_WORDS = ["sourdough", "crumb", "crust", "starter", "rye", "loaf", "oven", "knead", "proof", "flour",
               "butter", "bake"]
CLERK_WORDS = ["QUARTERLY", "REVENUE", "GUIDANCE", "EBITDA", "MARGIN", "OUTLOOK", "DIVIDEND", "SHAREHOLDERS",
               "FISCAL"]


def baker(rng: random.Random) -> str:
    return " ".join(rng.choice(BAKER_WORDS) for _ in range(rng.randint(5, 12))) + " 🍞!!"


def clerk(rng: random.Random) -> str:
    return "Per our " + " ".join(rng.choice(CLERK_WORDS) for _ in range(rng.randint(5, 12))) + "."


def test_a_classifier_tells_two_very_different_voices_apart():
    rng = random.Random(1)
    person = [baker(rng) for _ in range(150)]
    base = [clerk(rng) for _ in range(60)]
    classifier = VoiceClassifier(person, base, seed=0)
    assert classifier.share_person([baker(rng) for _ in range(50)]) >= 0.95
    assert classifier.share_person([clerk(rng) for _ in range(50)]) <= 0.05
    assert classifier.share_person([]) is None


def test_the_classifier_is_deterministic_and_counts_repeated_tweets_once():
    rng = random.Random(2)
    person, base = [baker(rng) for _ in range(40)], [clerk(rng) for _ in range(40)]
    mixed = [baker(rng) if i % 2 else clerk(rng) for i in range(40)]
    one = VoiceClassifier(person, base, seed=3).model.predict_proba(mixed)
    two = VoiceClassifier(person * 3, base, seed=3).model.predict_proba(mixed)  # a blend's repeats
    assert (one == two).all()
    with pytest.raises(ValueError):
        VoiceClassifier(person, [], seed=0)


def test_copying_counts_eight_word_runs_and_exact_copies():
    training = ["The quick brown fox jumps over the lazy dog today", "bread is life"]
    generated = [
        "so THE quick brown fox jumps over the   lazy dog again",  # 8 words shared (case, spaces)
        "the quick brown fox jumps over the lazy",  # exactly 8 words of it
        "quick brown fox jumps over the lazy",  # only 7
        "Bread  is LIFE!",  # an exact copy (the guard's words: case and end punctuation aside), short
        "the quick brown fox, jumps over the lazy",  # inner punctuation: "fox," is the word "fox"
        "nothing like it at all",
        "",
    ]
    assert copying(generated, training) == (3 / 7, 1 / 7)
    assert copying([], training) == (0.0, 0.0)
    assert copying(["the quick brown fox jumps over the lazy dog today"], training) == (1.0, 1.0)
    assert word_ngrams("a b c", 2) == {("a", "b"), ("b", "c")}
    assert word_ngrams("a b c", 4) == set()


def test_style_means_are_exact_on_small_examples():
    tweets = ["Hi @bob #tea https://x.y 🍞", "ok!"]
    means = style_means(tweets)
    assert means["characters"] == (len(tweets[0]) + 3) / 2
    assert means["words"] == (5 + 1) / 2
    assert means["mentions"] == 0.5 and means["hashtags"] == 0.5 and means["links"] == 0.5
    assert means["emoji"] == 0.5
    # "Hi @bob #tea https://x.y": letters H,i,b,o,b,t,e,a,h,t,t,p,s,x,y = 15, one capital; "ok": none.
    assert means["capitals"] == pytest.approx((1 / 15 + 0) / 2)
    # "@", "#", ":", "/", "/", "." are punctuation in the first; "!" in "ok!".
    assert means["punctuation"] == pytest.approx((6 / len(tweets[0]) + 1 / 3) / 2)
    assert style_means([])["characters"] == 0.0
    assert style_means(["me@home"])["mentions"] == 0  # an address is no mention


def test_style_relative_differences():
    report = style_report(["aaaa", "bb"], ["aa", "aa"])  # 3 characters a tweet against 2
    assert report["characters"].generated == 3.0 and report["characters"].real == 2.0
    assert report["characters"].relative == 0.5
    none_real = style_report(["@a b"], ["a b"])["mentions"]  # the real tweets never mention anyone
    assert none_real.real == 0 and none_real.relative == round(1 / STYLE_EPS, 4)


def test_measure_without_a_base_gives_copying_and_style_only():
    report = measure(["bread is life"], ["bread is life", "rye"], ["rye bread"], [], [], seed=5, base=None)
    assert report.voice is None and report.ceiling is None and report.floor is None and report.base is None
    assert (report.tweets, report.held_out, report.seed, report.copied_exact) == (1, 1, 5, 1.0)
    assert voice_line(report) == ("Voice not measured (no base to compare: tiny learns from scratch); "
                                  "8+ words copied in 0% of tweets (exact: 100%)")


def test_measure_with_a_base_reports_voice_ceiling_and_floor():
    rng = random.Random(4)
    training = [baker(rng) for _ in range(120)]
    held_out = [baker(rng) for _ in range(20)]
    generated = [baker(rng) for _ in range(15)] + [clerk(rng) for _ in range(5)]
    report = measure(generated, training, held_out, [clerk(rng) for _ in range(40)],
                     [clerk(rng) for _ in range(40)], seed=1, base="clerks", sampling={"top_p": 0.95})
    assert (report.voice, report.ceiling, report.floor) == (0.75, 1.0, 0.0)
    assert report.base == "clerks" and report.sampling == {"top_p": 0.95}
    assert voice_line(report).startswith("Sounds like them in 7.5 of 10 tweets (real tweets: 10 of 10; "
                                         "the base: 0 of 10); 8+ words copied in ")


def test_persona_json_reads_with_and_without_a_voice_report():
    meta = {"name": "a", "handles": [{"handle": "a", "display_name": "A", "data": {
        "downloaded": 3, "retweets": 0, "short": 0, "kept": 3}}], "base_model": "tiny",
        "metrics": {"val_loss_before": 1, "val_loss_after": 1, "val_ppl_before": 1, "val_ppl_after": 1}}
    assert PersonaMeta.model_validate(meta).voice is None  # folders written before the report
    report = VoiceReport(tweets=10, seed=1, held_out=3, base="b", voice=0.8, ceiling=0.95, floor=0.1,
                         copied_8gram=0.015, copied_exact=0.0)
    back = PersonaMeta.model_validate_json(PersonaMeta.model_validate({**meta, "voice": report})
                                           .model_dump_json())
    assert back.voice == report
    assert voice_line(report) == ("Sounds like them in 8 of 10 tweets (real tweets: 9.5 of 10; the base: "
                                  "1 of 10); 8+ words copied in 1.5% of tweets (exact: 0%)")
