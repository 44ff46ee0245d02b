"""The model card: its language tag (detected from the kept text, left out when unsure), what a tiny
persona is said to be, the sample tweets, and a hub base's own card."""

from pathlib import Path

from training.card import detect_language, model_card
from training.checkpoint import DataTable, Handle, Metrics, PersonaMeta
from training.clean import clean_records
from training.config import TrainingSettings
from training.ingest import read_source

GERMAN = [
    "Heute habe ich endlich den neuen Server aufgesetzt und alles läuft wieder stabil.",
    "Warum ist die Dokumentation immer dann veraltet, wenn man sie am dringendsten braucht?",
    "Morgen früh fahre ich mit dem Zug nach Berlin, hoffentlich ohne Verspätung.",
    "Ich glaube, freie Software ist wichtiger als je zuvor, gerade für Schulen und Behörden.",
    "Der Kaffee in der Küche ist leer, und niemand fühlt sich verantwortlich dafür.",
    "Wer hat eigentlich entschieden, dass Passwörter alle drei Monate geändert werden müssen?",
    "Das Wetter ist schön, also arbeite ich heute draußen im Garten mit dem Laptop.",
    "Meine Katze sitzt schon wieder auf der Tastatur und schreibt bessere Commits als ich.",
] * 6


def meta(base_model: str = "tiny", **hyper: object) -> PersonaMeta:
    return PersonaMeta(
        name="milahu", handles=[Handle(handle="milahu", display_name="Milahu",
                                       data=DataTable(downloaded=50, retweets=2, short=0, kept=48,
                                                      kept_chars=3000))],
        base_model=base_model, hyperparameters={"epochs": 8, "parameters": 4_300_000, **hyper},
        metrics=Metrics(val_loss_before=7.0, val_loss_after=3.0, val_ppl_before=1096.6, val_ppl_after=20.1))


def front_matter(card: str) -> str:
    return card.split("---")[1]


def test_german_text_is_tagged_de_and_the_card_says_so():
    assert detect_language(GERMAN) == "de"
    card = model_card(meta(), language="de")
    assert "language: de" in front_matter(card)


def test_chinese_and_english_text_are_recognised():
    chinese = ["今天天气很好，我们一起去公园散步，然后在河边喝茶聊天。",
               "我觉得这个新版本的软件比以前快多了，大家都应该试一试。"] * 30
    assert detect_language(chinese) == "zh"
    english = ["My dream is a small shop by the river where the bread is still warm in the morning."] * 30
    assert detect_language(english) == "en"


def test_no_tag_when_unsure():
    assert detect_language([]) is None
    assert detect_language(["ok"]) is None  # too little text to judge
    english = ["I keep thinking about the weather and the trains running late again this week."] * 48
    assert detect_language(GERMAN + english) is None  # half and half: no language wins
    card = model_card(meta(), language=None)
    assert "language:" not in front_matter(card)


def test_a_real_german_account_read_in_place(shared_data):
    source = read_source(shared_data / "x-archive-milahu104", 300_000_000)
    texts, _table = clean_records(source.records, TrainingSettings())
    assert detect_language(texts) == "de"


def test_tiny_card_says_from_scratch_and_how_good_it_is_with_samples():
    samples = ["My dream is a loaf", "I think `so` <b>", "Today\x1b[31m the\u202e\x00 oven\n\tnow"]
    card = model_card(meta(), samples=samples)
    assert "from scratch" in card and "fine-tuned" not in card
    assert "huggingface.co/gpt2" not in card  # not GPT-2's limitations: it is no GPT-2 fine-tune
    assert "4.3M-parameter" in card and "--base gpt2" in card
    assert "## Sample tweets" in card
    assert "- `My dream is a loaf`" in card and "- `I think 'so' <b>`" in card  # cannot close its span
    assert "- `Today[31m the oven now`" in card  # controls, bidi overrides and line breaks gone
    assert "the untrained model" in card


def test_hub_base_card_is_fine_tuned_and_points_at_its_base_card(tmp_path: Path):
    card = model_card(meta("distilgpt2"), tmp_path / "models", language="en", samples=[])
    assert "fine-tuned" in card and "from scratch" not in card
    assert "[its model card](https://huggingface.co/distilgpt2)" in card
    assert "## Sample tweets" not in card


def test_the_card_says_why_auto_chose_the_whole_model(tmp_path: Path):
    why = ("the base's perplexity on this person's tweets is 496,730, over 10,000: it never learnt "
           "their language")
    card = model_card(meta("distilgpt2", method="full", method_reason=why), tmp_path / "models",
                      language="zh", samples=[])
    assert f"fine-tune `distilgpt2` (chosen because {why})" in card
    assert "chosen because" not in model_card(meta("distilgpt2"), tmp_path / "models", language="en",
                                              samples=[])
