"""Write the project's sample tweet export: an invented night-shift baker, @marlowe_bakes.

The output is in the real X/Twitter archive format (`data/tweets.js` as `window.YTD.tweets.part0 = [...]`,
`data/manifest.js` as `window.__THAR_CONFIG = {...}`, the profile in `data/account.js`, `data/profile.js`
and the picture in `data/profile_media/<accountId>-<file>`), with the quirks real exports have: numbers as
strings, HTML escapes in `full_text`, t.co links expanded in `entities.urls`, retweets recognised only
by their `RT @` prefix, replies, and short tweets. Deterministic: run it again and nothing changes.

    python examples/make_sample.py            # rewrites examples/marlowe_bakes/
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

HANDLE = "marlowe_bakes"
NAME = "Marlowe Quill"
ACCOUNT_ID = "4242424242"
OUT = Path(__file__).resolve().parent / HANDLE

OPENERS = [
    "My dream is",
    "Tonight the oven",
    "Every loaf",
    "At 3am the flour",
    "Sourdough taught me",
    "The bakery smells like",
    "I keep thinking",
    "Honestly the best part of the night shift is",
    "Note to self:",
    "Somebody asked why I bake at night and",
    "The starter",
    "Rye bread",
    "My grandmother said",
    "Croissants",
    "The city sleeps while",
    "Today I learned",
]
MIDDLES = [
    "a small shop by the river where the bread is still warm when the trams start running",
    "that patience is an ingredient you cannot buy, only borrow from the dough",
    "the crust sings when it cools, a crackle like rain on a tin roof",
    "kneading is just a conversation with your hands that nobody else can hear",
    "the moon is the only customer who never complains about the queue",
    "my sourdough starter Gerald is older than my car and twice as reliable",
    "butter folded seventeen times is a kind of poetry that you can eat",
    "salt, water, flour and time, and somehow the result is a whole morning",
    "the first loaf out of the oven always belongs to the night bus driver",
    "I burned the baguettes again because I was watching the snow fall",
    "caraway seeds remind me of winters at my grandmother's kitchen table",
    "the proofing basket is the only bed in this building that nobody argues about",
    "hydration levels are a personality trait and mine is seventy eight percent",
    "a quiet oven at four in the morning is the loudest sound in the world",
    "cinnamon rolls are an apology the whole street accepts",
    "you can tell a baker's mood by how hard they slap the dough",
    "the scale says five hundred grams but my heart says a little bit more",
    "every crumb shot I post is a love letter to fermentation",
    "flour gets everywhere, in my hair, my shoes, my dreams",
    "the rye needs another hour and so, honestly, do I",
]
CLOSERS = [
    "",
    "",
    "",
    " Goodnight, bakers.",
    " Back to the oven.",
    " Crumb shot later.",
    " More tomorrow.",
    " The bread knows.",
    " Ask me anything about rye.",
    " &amp; yes, I ate the heel.",
    " Flour &gt; everything.",
    " Oven at 250 &lt;3",
]
SHORT = [
    "lol",
    "yes.",
    "bread.",
    "oven's on",
    "crumb!",
    "good night",
    "ok ok",
    "#sourdough",
    "@nightbus_ed thanks!",
    "ha",
]
FRIENDS = ["nightbus_ed", "ryeguy", "flourpower_ana", "cafe_ondine", "tinroof_tom"]
RT_TEXT = [
    "the best bread in town is whatever comes out of the oven at dawn",
    "new bakery opening on Canal Street this weekend, free samples for early birds",
    "fermentation is just time doing the work for you",
    "reminder that the farmers market moves indoors next month",
]
LINKS = [
    "https://example.com/recipes/rye",
    "https://example.com/blog/starter-gerald",
    "https://example.com/photos/crumb",
    "https://example.com/shop/hours",
]


def make_tweets(rng: random.Random, n: int = 480) -> list[dict]:
    start = datetime(2019, 3, 1, 2, 30, tzinfo=UTC)
    tweets = []
    for i in range(n):
        when = start + timedelta(hours=19 * i, minutes=rng.randint(0, 59))
        tweet_id = str(1100000000000000000 + i * 7919)
        entities: dict = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
        reply_to = None
        roll = rng.random()
        if roll < 0.09:
            who = rng.choice(FRIENDS)
            text = f"RT @{who}: {rng.choice(RT_TEXT)}"
            entities["user_mentions"].append(
                {"screen_name": who, "name": who, "indices": ["3", str(4 + len(who))]}
            )
        elif roll < 0.15:
            text = rng.choice(SHORT)
        else:
            text = f"{rng.choice(OPENERS)} {rng.choice(MIDDLES)}.{rng.choice(CLOSERS)}"
            if rng.random() < 0.15:
                reply_to = rng.choice(FRIENDS)
                text = f"@{reply_to} {text[0].lower()}{text[1:]}"
                entities["user_mentions"].append(
                    {"screen_name": reply_to, "name": reply_to, "indices": ["0", str(1 + len(reply_to))]}
                )
            if rng.random() < 0.12:
                short_url = f"https://t.co/{rng.randrange(36**10):010x}"[:23]
                expanded = rng.choice(LINKS)
                entities["urls"].append(
                    {
                        "url": short_url,
                        "expanded_url": expanded,
                        "display_url": expanded[8:],
                        "indices": [str(len(text) + 1), str(len(text) + 24)],
                    }
                )
                text = f"{text} {short_url}"
            if rng.random() < 0.08:
                entities["hashtags"].append(
                    {"text": "sourdough", "indices": [str(len(text) + 1), str(len(text) + 11)]}
                )
                text = f"{text} #sourdough"
        tweet = {
            "edit_info": {
                "initial": {
                    "editTweetIds": [tweet_id],
                    "editableUntil": when.isoformat(),
                    "editsRemaining": "5",
                    "isEditEligible": True,
                }
            },
            "retweeted": False,
            "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
            "entities": entities,
            "display_text_range": ["0", str(len(text))],
            "favorite_count": str(rng.randint(0, 40)),
            "id_str": tweet_id,
            "truncated": False,
            "retweet_count": str(rng.randint(0, 5)),
            "id": tweet_id,
            "created_at": when.strftime("%a %b %d %H:%M:%S +0000 %Y"),
            "favorited": False,
            "full_text": text,
            "lang": "en",
        }
        if reply_to:
            tweet["in_reply_to_screen_name"] = reply_to
            tweet["in_reply_to_status_id_str"] = str(1000000000000000000 + i)
            tweet["in_reply_to_user_id_str"] = str(10000 + FRIENDS.index(reply_to))
        tweets.append({"tweet": tweet})
    tweets.reverse()  # exports list the newest first
    return tweets


def main() -> None:
    tweets = make_tweets(random.Random(1234))
    data = OUT / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "tweets.js").write_text(
        "window.YTD.tweets.part0 = " + json.dumps(tweets, indent=2) + "\n", encoding="utf-8"
    )
    manifest = {
        "userInfo": {"accountId": ACCOUNT_ID, "userName": HANDLE, "displayName": NAME},
        "archiveInfo": {
            "sizeBytes": "0",
            "generationDate": "2024-05-01T00:00:00.000Z",
            "isPartialArchive": False,
        },
        "dataTypes": {
            "tweets": {
                "files": [
                    {
                        "fileName": "data/tweets.js",
                        "globalName": "YTD.tweets.part0",
                        "count": str(len(tweets)),
                    }
                ]
            }
        },
    }
    (data / "manifest.js").write_text(
        "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )
    write_profile(data)
    print(f"wrote {len(tweets)} tweets and a profile picture to {data}")


def write_profile(data: Path) -> None:
    """account.js, profile.js and the profile picture (a loaf, drawn here) as X's archive has them."""
    from PIL import Image, ImageDraw

    picture = "4242424242-loaf_400x400.png"
    account = {"account": {"email": "", "createdVia": "web", "username": HANDLE, "accountId": ACCOUNT_ID,
                           "createdAt": "2019-03-02T04:05:06.000Z", "accountDisplayName": NAME}}
    profile = {"profile": {"description": {"bio": "Night-shift baker. Flour, water, salt, time.",
                                           "website": "", "location": "Above the bakery"},
                           "avatarMediaUrl": "https://pbs.twimg.com/profile_images/4242/loaf_400x400.png",
                           "headerMediaUrl": ""}}
    for name, item in (("account", account), ("profile", profile)):
        (data / f"{name}.js").write_text(f"window.YTD.{name}.part0 = " + json.dumps([item], indent=2) + "\n",
                                         encoding="utf-8")
    image = Image.new("RGB", (200, 200), (244, 226, 198))
    draw = ImageDraw.Draw(image)
    draw.ellipse((30, 60, 170, 150), fill=(176, 112, 52), outline=(120, 70, 30), width=4)
    for x in (65, 95, 125):
        draw.line((x, 80, x + 20, 130), fill=(236, 200, 150), width=6)
    (data / "profile_media").mkdir(exist_ok=True)
    image.save(data / "profile_media" / picture, "PNG", optimize=False)


if __name__ == "__main__":
    main()
