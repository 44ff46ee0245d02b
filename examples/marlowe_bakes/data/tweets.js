window.YTD.tweets.part0 = [
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003793201"
          ],
          "editableUntil": "2020-03-14T08:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "24",
      "id_str": "1100000000003793201",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003793201",
      "created_at": "Sat Mar 14 08:07:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @nightbus_ed: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003785282"
          ],
          "editableUntil": "2020-03-13T13:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "9",
      "id_str": "1100000000003785282",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003785282",
      "created_at": "Fri Mar 13 13:25:00 +0000 2020",
      "favorited": false,
      "full_text": "Today I learned salt, water, flour and time, and somehow the result is a whole morning. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003777363"
          ],
          "editableUntil": "2020-03-12T18:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "36",
      "id_str": "1100000000003777363",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003777363",
      "created_at": "Thu Mar 12 18:18:00 +0000 2020",
      "favorited": false,
      "full_text": "Tonight the oven the moon is the only customer who never complains about the queue. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003769444"
          ],
          "editableUntil": "2020-03-11T23:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "8",
      "id_str": "1100000000003769444",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003769444",
      "created_at": "Wed Mar 11 23:24:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said the rye needs another hour and so, honestly, do I. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003761525"
          ],
          "editableUntil": "2020-03-11T04:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "40",
      "id_str": "1100000000003761525",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003761525",
      "created_at": "Wed Mar 11 04:07:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter a small shop by the river where the bread is still warm when the trams start running.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003753606"
          ],
          "editableUntil": "2020-03-10T09:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "2",
      "id_str": "1100000000003753606",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003753606",
      "created_at": "Tue Mar 10 09:01:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said kneading is just a conversation with your hands that nobody else can hear. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003745687"
          ],
          "editableUntil": "2020-03-09T13:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "91"
      ],
      "favorite_count": "28",
      "id_str": "1100000000003745687",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003745687",
      "created_at": "Mon Mar 09 13:58:00 +0000 2020",
      "favorited": false,
      "full_text": "The city sleeps while caraway seeds remind me of winters at my grandmother's kitchen table.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003737768"
          ],
          "editableUntil": "2020-03-08T18:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "33",
      "id_str": "1100000000003737768",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003737768",
      "created_at": "Sun Mar 08 18:45:00 +0000 2020",
      "favorited": false,
      "full_text": "@nightbus_ed every loaf the crust sings when it cools, a crackle like rain on a tin roof. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000472",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003729849"
          ],
          "editableUntil": "2020-03-07T23:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "8",
      "id_str": "1100000000003729849",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003729849",
      "created_at": "Sat Mar 07 23:46:00 +0000 2020",
      "favorited": false,
      "full_text": "Today I learned caraway seeds remind me of winters at my grandmother's kitchen table. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003721930"
          ],
          "editableUntil": "2020-03-07T05:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "37",
      "id_str": "1100000000003721930",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003721930",
      "created_at": "Sat Mar 07 05:09:00 +0000 2020",
      "favorited": false,
      "full_text": "@tinroof_tom every loaf every crumb shot I post is a love letter to fermentation. Oven at 250 &lt;3",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000470",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003714011"
          ],
          "editableUntil": "2020-03-06T10:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "13",
      "id_str": "1100000000003714011",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003714011",
      "created_at": "Fri Mar 06 10:24:00 +0000 2020",
      "favorited": false,
      "full_text": "The city sleeps while the crust sings when it cools, a crackle like rain on a tin roof.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003706092"
          ],
          "editableUntil": "2020-03-05T15:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "26",
      "id_str": "1100000000003706092",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003706092",
      "created_at": "Thu Mar 05 15:27:00 +0000 2020",
      "favorited": false,
      "full_text": "The bakery smells like the proofing basket is the only bed in this building that nobody argues about. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003698173"
          ],
          "editableUntil": "2020-03-04T20:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "35",
      "id_str": "1100000000003698173",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003698173",
      "created_at": "Wed Mar 04 20:19:00 +0000 2020",
      "favorited": false,
      "full_text": "I keep thinking the first loaf out of the oven always belongs to the night bus driver. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003690254"
          ],
          "editableUntil": "2020-03-04T00:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/89e2531099",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "118",
              "141"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "141"
      ],
      "favorite_count": "28",
      "id_str": "1100000000003690254",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003690254",
      "created_at": "Wed Mar 04 00:35:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said the proofing basket is the only bed in this building that nobody argues about. Goodnight, bakers. https://t.co/89e2531099",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003682335"
          ],
          "editableUntil": "2020-03-03T06:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "142",
              "152"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "152"
      ],
      "favorite_count": "19",
      "id_str": "1100000000003682335",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003682335",
      "created_at": "Tue Mar 03 06:12:00 +0000 2020",
      "favorited": false,
      "full_text": "@nightbus_ed my grandmother said a small shop by the river where the bread is still warm when the trams start running. Flour &gt; everything. #sourdough",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000465",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003674416"
          ],
          "editableUntil": "2020-03-02T11:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/69de660b2a",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "117",
              "140"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "140"
      ],
      "favorite_count": "35",
      "id_str": "1100000000003674416",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003674416",
      "created_at": "Mon Mar 02 11:06:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said caraway seeds remind me of winters at my grandmother's kitchen table. &amp; yes, I ate the heel. https://t.co/69de660b2a",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003666497"
          ],
          "editableUntil": "2020-03-01T16:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "32",
      "id_str": "1100000000003666497",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003666497",
      "created_at": "Sun Mar 01 16:07:00 +0000 2020",
      "favorited": false,
      "full_text": "crumb!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003658578"
          ],
          "editableUntil": "2020-02-29T21:02:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "21",
      "id_str": "1100000000003658578",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003658578",
      "created_at": "Sat Feb 29 21:02:00 +0000 2020",
      "favorited": false,
      "full_text": "The bakery smells like the first loaf out of the oven always belongs to the night bus driver. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003650659"
          ],
          "editableUntil": "2020-02-29T01:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "11",
      "id_str": "1100000000003650659",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003650659",
      "created_at": "Sat Feb 29 01:58:00 +0000 2020",
      "favorited": false,
      "full_text": "Sourdough taught me the first loaf out of the oven always belongs to the night bus driver. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003642740"
          ],
          "editableUntil": "2020-02-28T07:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "34",
      "id_str": "1100000000003642740",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003642740",
      "created_at": "Fri Feb 28 07:25:00 +0000 2020",
      "favorited": false,
      "full_text": "The bakery smells like a small shop by the river where the bread is still warm when the trams start running. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003634821"
          ],
          "editableUntil": "2020-02-27T12:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "38",
      "id_str": "1100000000003634821",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003634821",
      "created_at": "Thu Feb 27 12:29:00 +0000 2020",
      "favorited": false,
      "full_text": "My dream is cinnamon rolls are an apology the whole street accepts. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003626902"
          ],
          "editableUntil": "2020-02-26T17:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "17",
      "id_str": "1100000000003626902",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003626902",
      "created_at": "Wed Feb 26 17:05:00 +0000 2020",
      "favorited": false,
      "full_text": "Note to self: the scale says five hundred grams but my heart says a little bit more. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003618983"
          ],
          "editableUntil": "2020-02-25T21:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "75"
      ],
      "favorite_count": "17",
      "id_str": "1100000000003618983",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003618983",
      "created_at": "Tue Feb 25 21:44:00 +0000 2020",
      "favorited": false,
      "full_text": "Sourdough taught me flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003611064"
          ],
          "editableUntil": "2020-02-25T03:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "103"
      ],
      "favorite_count": "31",
      "id_str": "1100000000003611064",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003611064",
      "created_at": "Tue Feb 25 03:23:00 +0000 2020",
      "favorited": false,
      "full_text": "Tonight the oven caraway seeds remind me of winters at my grandmother's kitchen table. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003603145"
          ],
          "editableUntil": "2020-02-24T08:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "142"
      ],
      "favorite_count": "2",
      "id_str": "1100000000003603145",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003603145",
      "created_at": "Mon Feb 24 08:00:00 +0000 2020",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is a quiet oven at four in the morning is the loudest sound in the world. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003595226"
          ],
          "editableUntil": "2020-02-23T13:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "5",
      "id_str": "1100000000003595226",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003595226",
      "created_at": "Sun Feb 23 13:10:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003587307"
          ],
          "editableUntil": "2020-02-22T18:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "21",
      "id_str": "1100000000003587307",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003587307",
      "created_at": "Sat Feb 22 18:01:00 +0000 2020",
      "favorited": false,
      "full_text": "bread.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003579388"
          ],
          "editableUntil": "2020-02-21T23:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "80"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003579388",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003579388",
      "created_at": "Fri Feb 21 23:21:00 +0000 2020",
      "favorited": false,
      "full_text": "Rye bread the first loaf out of the oven always belongs to the night bus driver.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003571469"
          ],
          "editableUntil": "2020-02-21T03:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/bb146f789a",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "74",
              "97"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "28",
      "id_str": "1100000000003571469",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003571469",
      "created_at": "Fri Feb 21 03:57:00 +0000 2020",
      "favorited": false,
      "full_text": "I keep thinking every crumb shot I post is a love letter to fermentation. https://t.co/bb146f789a",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003563550"
          ],
          "editableUntil": "2020-02-20T09:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "22",
      "id_str": "1100000000003563550",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003563550",
      "created_at": "Thu Feb 20 09:05:00 +0000 2020",
      "favorited": false,
      "full_text": "Today I learned the scale says five hundred grams but my heart says a little bit more.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003555631"
          ],
          "editableUntil": "2020-02-19T13:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "2"
      ],
      "favorite_count": "8",
      "id_str": "1100000000003555631",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003555631",
      "created_at": "Wed Feb 19 13:49:00 +0000 2020",
      "favorited": false,
      "full_text": "ha",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003547712"
          ],
          "editableUntil": "2020-02-18T19:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "90"
      ],
      "favorite_count": "39",
      "id_str": "1100000000003547712",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003547712",
      "created_at": "Tue Feb 18 19:24:00 +0000 2020",
      "favorited": false,
      "full_text": "Sourdough taught me a quiet oven at four in the morning is the loudest sound in the world.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003539793"
          ],
          "editableUntil": "2020-02-18T00:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "27",
      "id_str": "1100000000003539793",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003539793",
      "created_at": "Tue Feb 18 00:19:00 +0000 2020",
      "favorited": false,
      "full_text": "Croissants a quiet oven at four in the morning is the loudest sound in the world. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003531874"
          ],
          "editableUntil": "2020-02-17T04:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "26",
      "id_str": "1100000000003531874",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003531874",
      "created_at": "Mon Feb 17 04:58:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @nightbus_ed: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003523955"
          ],
          "editableUntil": "2020-02-16T09:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "23",
      "id_str": "1100000000003523955",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003523955",
      "created_at": "Sun Feb 16 09:50:00 +0000 2020",
      "favorited": false,
      "full_text": "Note to self: you can tell a baker's mood by how hard they slap the dough.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003516036"
          ],
          "editableUntil": "2020-02-15T14:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "39",
      "id_str": "1100000000003516036",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003516036",
      "created_at": "Sat Feb 15 14:38:00 +0000 2020",
      "favorited": false,
      "full_text": "@tinroof_tom rye bread the moon is the only customer who never complains about the queue. Ask me anything about rye.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000444",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003508117"
          ],
          "editableUntil": "2020-02-14T20:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "107"
      ],
      "favorite_count": "15",
      "id_str": "1100000000003508117",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003508117",
      "created_at": "Fri Feb 14 20:27:00 +0000 2020",
      "favorited": false,
      "full_text": "Tonight the oven salt, water, flour and time, and somehow the result is a whole morning. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003500198"
          ],
          "editableUntil": "2020-02-14T01:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "68"
      ],
      "favorite_count": "36",
      "id_str": "1100000000003500198",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003500198",
      "created_at": "Fri Feb 14 01:28:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @flourpower_ana: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003492279"
          ],
          "editableUntil": "2020-02-13T05:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "66"
      ],
      "favorite_count": "4",
      "id_str": "1100000000003492279",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003492279",
      "created_at": "Thu Feb 13 05:47:00 +0000 2020",
      "favorited": false,
      "full_text": "Today I learned the rye needs another hour and so, honestly, do I.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003484360"
          ],
          "editableUntil": "2020-02-12T11:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "19",
      "id_str": "1100000000003484360",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003484360",
      "created_at": "Wed Feb 12 11:24:00 +0000 2020",
      "favorited": false,
      "full_text": "My dream is salt, water, flour and time, and somehow the result is a whole morning. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003476441"
          ],
          "editableUntil": "2020-02-11T16:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "5"
      ],
      "favorite_count": "13",
      "id_str": "1100000000003476441",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003476441",
      "created_at": "Tue Feb 11 16:22:00 +0000 2020",
      "favorited": false,
      "full_text": "ok ok",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003468522"
          ],
          "editableUntil": "2020-02-10T21:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "93"
      ],
      "favorite_count": "18",
      "id_str": "1100000000003468522",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003468522",
      "created_at": "Mon Feb 10 21:08:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said flour gets everywhere, in my hair, my shoes, my dreams. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003460603"
          ],
          "editableUntil": "2020-02-10T01:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "34",
      "id_str": "1100000000003460603",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003460603",
      "created_at": "Mon Feb 10 01:36:00 +0000 2020",
      "favorited": false,
      "full_text": "crumb!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003452684"
          ],
          "editableUntil": "2020-02-09T07:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "18",
      "id_str": "1100000000003452684",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003452684",
      "created_at": "Sun Feb 09 07:25:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @cafe_ondine: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003444765"
          ],
          "editableUntil": "2020-02-08T12:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "33",
      "id_str": "1100000000003444765",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003444765",
      "created_at": "Sat Feb 08 12:26:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter the moon is the only customer who never complains about the queue. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003436846"
          ],
          "editableUntil": "2020-02-07T17:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/92fd4740e1",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "101",
              "124"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "6",
      "id_str": "1100000000003436846",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003436846",
      "created_at": "Fri Feb 07 17:28:00 +0000 2020",
      "favorited": false,
      "full_text": "Sourdough taught me the crust sings when it cools, a crackle like rain on a tin roof. More tomorrow. https://t.co/92fd4740e1",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003428927"
          ],
          "editableUntil": "2020-02-06T22:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "94",
              "104"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "5",
      "id_str": "1100000000003428927",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003428927",
      "created_at": "Thu Feb 06 22:16:00 +0000 2020",
      "favorited": false,
      "full_text": "Every loaf butter folded seventeen times is a kind of poetry that you can eat. More tomorrow. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003421008"
          ],
          "editableUntil": "2020-02-06T02:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003421008",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003421008",
      "created_at": "Thu Feb 06 02:59:00 +0000 2020",
      "favorited": false,
      "full_text": "@tinroof_tom sourdough taught me the crust sings when it cools, a crackle like rain on a tin roof. Oven at 250 &lt;3",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000432",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003413089"
          ],
          "editableUntil": "2020-02-05T08:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "60"
      ],
      "favorite_count": "20",
      "id_str": "1100000000003413089",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003413089",
      "created_at": "Wed Feb 05 08:17:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @ryeguy: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003405170"
          ],
          "editableUntil": "2020-02-04T13:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "18",
      "id_str": "1100000000003405170",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003405170",
      "created_at": "Tue Feb 04 13:21:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter you can tell a baker's mood by how hard they slap the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003397251"
          ],
          "editableUntil": "2020-02-03T18:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003397251",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003397251",
      "created_at": "Mon Feb 03 18:26:00 +0000 2020",
      "favorited": false,
      "full_text": "Sourdough taught me hydration levels are a personality trait and mine is seventy eight percent. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003389332"
          ],
          "editableUntil": "2020-02-02T22:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "9",
      "id_str": "1100000000003389332",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003389332",
      "created_at": "Sun Feb 02 22:35:00 +0000 2020",
      "favorited": false,
      "full_text": "bread.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003381413"
          ],
          "editableUntil": "2020-02-02T04:14:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003381413",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003381413",
      "created_at": "Sun Feb 02 04:14:00 +0000 2020",
      "favorited": false,
      "full_text": "The city sleeps while the scale says five hundred grams but my heart says a little bit more. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003373494"
          ],
          "editableUntil": "2020-02-01T09:02:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "10",
      "id_str": "1100000000003373494",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003373494",
      "created_at": "Sat Feb 01 09:02:00 +0000 2020",
      "favorited": false,
      "full_text": "Note to self: caraway seeds remind me of winters at my grandmother's kitchen table. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003365575"
          ],
          "editableUntil": "2020-01-31T13:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "14",
      "id_str": "1100000000003365575",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003365575",
      "created_at": "Fri Jan 31 13:50:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said salt, water, flour and time, and somehow the result is a whole morning. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003357656"
          ],
          "editableUntil": "2020-01-30T18:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "10"
      ],
      "favorite_count": "6",
      "id_str": "1100000000003357656",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003357656",
      "created_at": "Thu Jan 30 18:38:00 +0000 2020",
      "favorited": false,
      "full_text": "#sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003349737"
          ],
          "editableUntil": "2020-01-30T00:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "24",
      "id_str": "1100000000003349737",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003349737",
      "created_at": "Thu Jan 30 00:18:00 +0000 2020",
      "favorited": false,
      "full_text": "Croissants hydration levels are a personality trait and mine is seventy eight percent. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003341818"
          ],
          "editableUntil": "2020-01-29T05:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "35",
      "id_str": "1100000000003341818",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003341818",
      "created_at": "Wed Jan 29 05:05:00 +0000 2020",
      "favorited": false,
      "full_text": "I keep thinking the scale says five hundred grams but my heart says a little bit more.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003333899"
          ],
          "editableUntil": "2020-01-28T09:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "40",
      "id_str": "1100000000003333899",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003333899",
      "created_at": "Tue Jan 28 09:36:00 +0000 2020",
      "favorited": false,
      "full_text": "Every loaf the scale says five hundred grams but my heart says a little bit more. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003325980"
          ],
          "editableUntil": "2020-01-27T15:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "134"
      ],
      "favorite_count": "30",
      "id_str": "1100000000003325980",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003325980",
      "created_at": "Mon Jan 27 15:19:00 +0000 2020",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is the first loaf out of the oven always belongs to the night bus driver. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003318061"
          ],
          "editableUntil": "2020-01-26T20:04:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "22",
      "id_str": "1100000000003318061",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003318061",
      "created_at": "Sun Jan 26 20:04:00 +0000 2020",
      "favorited": false,
      "full_text": "Rye bread the proofing basket is the only bed in this building that nobody argues about. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003310142"
          ],
          "editableUntil": "2020-01-26T01:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "115"
      ],
      "favorite_count": "20",
      "id_str": "1100000000003310142",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003310142",
      "created_at": "Sun Jan 26 01:00:00 +0000 2020",
      "favorited": false,
      "full_text": "At 3am the flour my sourdough starter Gerald is older than my car and twice as reliable. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003302223"
          ],
          "editableUntil": "2020-01-25T05:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/bec75a2aaf",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "108",
              "131"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "131"
      ],
      "favorite_count": "19",
      "id_str": "1100000000003302223",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003302223",
      "created_at": "Sat Jan 25 05:53:00 +0000 2020",
      "favorited": false,
      "full_text": "Every loaf caraway seeds remind me of winters at my grandmother's kitchen table. Ask me anything about rye. https://t.co/bec75a2aaf",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003294304"
          ],
          "editableUntil": "2020-01-24T10:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "107"
      ],
      "favorite_count": "37",
      "id_str": "1100000000003294304",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003294304",
      "created_at": "Fri Jan 24 10:46:00 +0000 2020",
      "favorited": false,
      "full_text": "The bakery smells like I burned the baguettes again because I was watching the snow fall. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003286385"
          ],
          "editableUntil": "2020-01-23T16:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/93ec00c0b5",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "111",
              "134"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "134"
      ],
      "favorite_count": "28",
      "id_str": "1100000000003286385",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003286385",
      "created_at": "Thu Jan 23 16:29:00 +0000 2020",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is the crust sings when it cools, a crackle like rain on a tin roof. https://t.co/93ec00c0b5",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003278466"
          ],
          "editableUntil": "2020-01-22T21:15:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003278466",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003278466",
      "created_at": "Wed Jan 22 21:15:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter a quiet oven at four in the morning is the loudest sound in the world. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003270547"
          ],
          "editableUntil": "2020-01-22T01:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "40",
      "id_str": "1100000000003270547",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003270547",
      "created_at": "Wed Jan 22 01:32:00 +0000 2020",
      "favorited": false,
      "full_text": "Note to self: every crumb shot I post is a love letter to fermentation. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003262628"
          ],
          "editableUntil": "2020-01-21T07:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "17",
      "id_str": "1100000000003262628",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003262628",
      "created_at": "Tue Jan 21 07:16:00 +0000 2020",
      "favorited": false,
      "full_text": "Every loaf kneading is just a conversation with your hands that nobody else can hear. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003254709"
          ],
          "editableUntil": "2020-01-20T12:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "17",
      "id_str": "1100000000003254709",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003254709",
      "created_at": "Mon Jan 20 12:07:00 +0000 2020",
      "favorited": false,
      "full_text": "My dream is hydration levels are a personality trait and mine is seventy eight percent. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003246790"
          ],
          "editableUntil": "2020-01-19T17:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "28",
      "id_str": "1100000000003246790",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003246790",
      "created_at": "Sun Jan 19 17:12:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @cafe_ondine: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003238871"
          ],
          "editableUntil": "2020-01-18T22:13:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "1",
      "id_str": "1100000000003238871",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003238871",
      "created_at": "Sat Jan 18 22:13:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @tinroof_tom: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003230952"
          ],
          "editableUntil": "2020-01-18T02:56:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "9",
      "id_str": "1100000000003230952",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003230952",
      "created_at": "Sat Jan 18 02:56:00 +0000 2020",
      "favorited": false,
      "full_text": "Sourdough taught me hydration levels are a personality trait and mine is seventy eight percent. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003223033"
          ],
          "editableUntil": "2020-01-17T08:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "11",
      "id_str": "1100000000003223033",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003223033",
      "created_at": "Fri Jan 17 08:17:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @nightbus_ed: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003215114"
          ],
          "editableUntil": "2020-01-16T12:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003215114",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003215114",
      "created_at": "Thu Jan 16 12:32:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @tinroof_tom: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003207195"
          ],
          "editableUntil": "2020-01-15T18:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "140"
      ],
      "favorite_count": "32",
      "id_str": "1100000000003207195",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003207195",
      "created_at": "Wed Jan 15 18:29:00 +0000 2020",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is the proofing basket is the only bed in this building that nobody argues about. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003199276"
          ],
          "editableUntil": "2020-01-14T22:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/1e9f65c1f6",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "101",
              "124"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "12",
      "id_str": "1100000000003199276",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003199276",
      "created_at": "Tue Jan 14 22:57:00 +0000 2020",
      "favorited": false,
      "full_text": "@cafe_ondine at 3am the flour the first loaf out of the oven always belongs to the night bus driver. https://t.co/1e9f65c1f6",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000404",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003191357"
          ],
          "editableUntil": "2020-01-14T04:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "113",
              "123"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "19",
      "id_str": "1100000000003191357",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003191357",
      "created_at": "Tue Jan 14 04:00:00 +0000 2020",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is butter folded seventeen times is a kind of poetry that you can eat. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003183438"
          ],
          "editableUntil": "2020-01-13T08:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "38",
      "id_str": "1100000000003183438",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003183438",
      "created_at": "Mon Jan 13 08:31:00 +0000 2020",
      "favorited": false,
      "full_text": "@nightbus_ed rye bread every crumb shot I post is a love letter to fermentation. The bread knows.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000402",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003175519"
          ],
          "editableUntil": "2020-01-12T13:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "36",
      "id_str": "1100000000003175519",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003175519",
      "created_at": "Sun Jan 12 13:59:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @ryeguy: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003167600"
          ],
          "editableUntil": "2020-01-11T18:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "21",
      "id_str": "1100000000003167600",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003167600",
      "created_at": "Sat Jan 11 18:33:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter a quiet oven at four in the morning is the loudest sound in the world. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003159681"
          ],
          "editableUntil": "2020-01-11T00:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "14",
      "id_str": "1100000000003159681",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003159681",
      "created_at": "Sat Jan 11 00:25:00 +0000 2020",
      "favorited": false,
      "full_text": "Today I learned every crumb shot I post is a love letter to fermentation. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003151762"
          ],
          "editableUntil": "2020-01-10T05:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "36",
      "id_str": "1100000000003151762",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003151762",
      "created_at": "Fri Jan 10 05:25:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter the moon is the only customer who never complains about the queue. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003143843"
          ],
          "editableUntil": "2020-01-09T10:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "18",
      "id_str": "1100000000003143843",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003143843",
      "created_at": "Thu Jan 09 10:18:00 +0000 2020",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and the rye needs another hour and so, honestly, do I.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003135924"
          ],
          "editableUntil": "2020-01-08T15:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "18",
      "id_str": "1100000000003135924",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003135924",
      "created_at": "Wed Jan 08 15:19:00 +0000 2020",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003128005"
          ],
          "editableUntil": "2020-01-07T20:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "5",
      "id_str": "1100000000003128005",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003128005",
      "created_at": "Tue Jan 07 20:29:00 +0000 2020",
      "favorited": false,
      "full_text": "Croissants that patience is an ingredient you cannot buy, only borrow from the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003120086"
          ],
          "editableUntil": "2020-01-07T01:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/8de503c950",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "129",
              "152"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "152"
      ],
      "favorite_count": "20",
      "id_str": "1100000000003120086",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003120086",
      "created_at": "Tue Jan 07 01:16:00 +0000 2020",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and my sourdough starter Gerald is older than my car and twice as reliable. Crumb shot later. https://t.co/8de503c950",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003112167"
          ],
          "editableUntil": "2020-01-06T06:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "67"
      ],
      "favorite_count": "29",
      "id_str": "1100000000003112167",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003112167",
      "created_at": "Mon Jan 06 06:26:00 +0000 2020",
      "favorited": false,
      "full_text": "Tonight the oven the rye needs another hour and so, honestly, do I.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003104248"
          ],
          "editableUntil": "2020-01-05T11:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "37",
      "id_str": "1100000000003104248",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000003104248",
      "created_at": "Sun Jan 05 11:23:00 +0000 2020",
      "favorited": false,
      "full_text": "The city sleeps while a quiet oven at four in the morning is the loudest sound in the world. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003096329"
          ],
          "editableUntil": "2020-01-04T16:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "138"
      ],
      "favorite_count": "0",
      "id_str": "1100000000003096329",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003096329",
      "created_at": "Sat Jan 04 16:23:00 +0000 2020",
      "favorited": false,
      "full_text": "@cafe_ondine the bakery smells like a small shop by the river where the bread is still warm when the trams start running. The bread knows.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000391",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003088410"
          ],
          "editableUntil": "2020-01-03T20:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "118"
      ],
      "favorite_count": "35",
      "id_str": "1100000000003088410",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000003088410",
      "created_at": "Fri Jan 03 20:34:00 +0000 2020",
      "favorited": false,
      "full_text": "My grandmother said salt, water, flour and time, and somehow the result is a whole morning. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003080491"
          ],
          "editableUntil": "2020-01-03T02:11:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "6",
      "id_str": "1100000000003080491",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003080491",
      "created_at": "Fri Jan 03 02:11:00 +0000 2020",
      "favorited": false,
      "full_text": "@tinroof_tom croissants you can tell a baker's mood by how hard they slap the dough. Oven at 250 &lt;3",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000389",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003072572"
          ],
          "editableUntil": "2020-01-02T06:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "10"
      ],
      "favorite_count": "19",
      "id_str": "1100000000003072572",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003072572",
      "created_at": "Thu Jan 02 06:32:00 +0000 2020",
      "favorited": false,
      "full_text": "#sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003064653"
          ],
          "editableUntil": "2020-01-01T12:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "10",
      "id_str": "1100000000003064653",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003064653",
      "created_at": "Wed Jan 01 12:03:00 +0000 2020",
      "favorited": false,
      "full_text": "The starter the first loaf out of the oven always belongs to the night bus driver. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003056734"
          ],
          "editableUntil": "2019-12-31T16:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "4",
      "id_str": "1100000000003056734",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003056734",
      "created_at": "Tue Dec 31 16:57:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said I burned the baguettes again because I was watching the snow fall.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003048815"
          ],
          "editableUntil": "2019-12-30T22:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "36",
      "id_str": "1100000000003048815",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003048815",
      "created_at": "Mon Dec 30 22:24:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003040896"
          ],
          "editableUntil": "2019-12-30T02:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "2",
      "id_str": "1100000000003040896",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000003040896",
      "created_at": "Mon Dec 30 02:44:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003032977"
          ],
          "editableUntil": "2019-12-29T07:56:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "4"
      ],
      "favorite_count": "40",
      "id_str": "1100000000003032977",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003032977",
      "created_at": "Sun Dec 29 07:56:00 +0000 2019",
      "favorited": false,
      "full_text": "yes.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003025058"
          ],
          "editableUntil": "2019-12-28T13:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "69"
      ],
      "favorite_count": "21",
      "id_str": "1100000000003025058",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003025058",
      "created_at": "Sat Dec 28 13:07:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003017139"
          ],
          "editableUntil": "2019-12-27T17:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "86",
              "96"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "28",
      "id_str": "1100000000003017139",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000003017139",
      "created_at": "Fri Dec 27 17:51:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants that patience is an ingredient you cannot buy, only borrow from the dough. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003009220"
          ],
          "editableUntil": "2019-12-26T22:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "17",
      "id_str": "1100000000003009220",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000003009220",
      "created_at": "Thu Dec 26 22:34:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is salt, water, flour and time, and somehow the result is a whole morning. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000003001301"
          ],
          "editableUntil": "2019-12-26T04:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "93"
      ],
      "favorite_count": "8",
      "id_str": "1100000000003001301",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000003001301",
      "created_at": "Thu Dec 26 04:08:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while my sourdough starter Gerald is older than my car and twice as reliable.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002993382"
          ],
          "editableUntil": "2019-12-25T09:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "8",
      "id_str": "1100000000002993382",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002993382",
      "created_at": "Wed Dec 25 09:09:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002985463"
          ],
          "editableUntil": "2019-12-24T14:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "27",
      "id_str": "1100000000002985463",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002985463",
      "created_at": "Tue Dec 24 14:18:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine i keep thinking the crust sings when it cools, a crackle like rain on a tin roof.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000377",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002977544"
          ],
          "editableUntil": "2019-12-23T19:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "19",
      "id_str": "1100000000002977544",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002977544",
      "created_at": "Mon Dec 23 19:10:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour salt, water, flour and time, and somehow the result is a whole morning. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002969625"
          ],
          "editableUntil": "2019-12-22T23:42:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "8",
      "id_str": "1100000000002969625",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002969625",
      "created_at": "Sun Dec 22 23:42:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002961706"
          ],
          "editableUntil": "2019-12-22T05:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "4"
      ],
      "favorite_count": "15",
      "id_str": "1100000000002961706",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002961706",
      "created_at": "Sun Dec 22 05:05:00 +0000 2019",
      "favorited": false,
      "full_text": "yes.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002953787"
          ],
          "editableUntil": "2019-12-21T09:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "7",
      "id_str": "1100000000002953787",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002953787",
      "created_at": "Sat Dec 21 09:47:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the crust sings when it cools, a crackle like rain on a tin roof.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002945868"
          ],
          "editableUntil": "2019-12-20T14:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "21",
      "id_str": "1100000000002945868",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002945868",
      "created_at": "Fri Dec 20 14:59:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like the first loaf out of the oven always belongs to the night bus driver. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002937949"
          ],
          "editableUntil": "2019-12-19T20:15:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/86a0dfd6b4",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "130",
              "153"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "153"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002937949",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002937949",
      "created_at": "Thu Dec 19 20:15:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is every crumb shot I post is a love letter to fermentation. &amp; yes, I ate the heel. https://t.co/86a0dfd6b4",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002930030"
          ],
          "editableUntil": "2019-12-19T00:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "114",
              "124"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "6",
      "id_str": "1100000000002930030",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002930030",
      "created_at": "Thu Dec 19 00:38:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the proofing basket is the only bed in this building that nobody argues about. Crumb shot later. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002922111"
          ],
          "editableUntil": "2019-12-18T06:20:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/b750285c3e",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "131",
              "154"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "154"
      ],
      "favorite_count": "30",
      "id_str": "1100000000002922111",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002922111",
      "created_at": "Wed Dec 18 06:20:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is the moon is the only customer who never complains about the queue. Goodnight, bakers. https://t.co/b750285c3e",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002914192"
          ],
          "editableUntil": "2019-12-17T11:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "117"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002914192",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002914192",
      "created_at": "Tue Dec 17 11:25:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and you can tell a baker's mood by how hard they slap the dough. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002906273"
          ],
          "editableUntil": "2019-12-16T15:43:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "15",
      "id_str": "1100000000002906273",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002906273",
      "created_at": "Mon Dec 16 15:43:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002898354"
          ],
          "editableUntil": "2019-12-15T21:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "158"
      ],
      "favorite_count": "37",
      "id_str": "1100000000002898354",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002898354",
      "created_at": "Sun Dec 15 21:10:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana honestly the best part of the night shift is kneading is just a conversation with your hands that nobody else can hear. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000366",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002890435"
          ],
          "editableUntil": "2019-12-15T02:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "35",
      "id_str": "1100000000002890435",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002890435",
      "created_at": "Sun Dec 15 02:19:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: flour gets everywhere, in my hair, my shoes, my dreams. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002882516"
          ],
          "editableUntil": "2019-12-14T07:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "92"
      ],
      "favorite_count": "18",
      "id_str": "1100000000002882516",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002882516",
      "created_at": "Sat Dec 14 07:07:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: cinnamon rolls are an apology the whole street accepts. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002874597"
          ],
          "editableUntil": "2019-12-13T12:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "103"
      ],
      "favorite_count": "30",
      "id_str": "1100000000002874597",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002874597",
      "created_at": "Fri Dec 13 12:19:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: salt, water, flour and time, and somehow the result is a whole morning. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002866678"
          ],
          "editableUntil": "2019-12-12T17:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "92"
      ],
      "favorite_count": "32",
      "id_str": "1100000000002866678",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002866678",
      "created_at": "Thu Dec 12 17:09:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like caraway seeds remind me of winters at my grandmother's kitchen table.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002858759"
          ],
          "editableUntil": "2019-12-11T21:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "124",
              "134"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "134"
      ],
      "favorite_count": "9",
      "id_str": "1100000000002858759",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002858759",
      "created_at": "Wed Dec 11 21:53:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me a small shop by the river where the bread is still warm when the trams start running. Back to the oven. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002850840"
          ],
          "editableUntil": "2019-12-11T02:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "24",
      "id_str": "1100000000002850840",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002850840",
      "created_at": "Wed Dec 11 02:34:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned caraway seeds remind me of winters at my grandmother's kitchen table.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002842921"
          ],
          "editableUntil": "2019-12-10T08:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "29",
      "id_str": "1100000000002842921",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002842921",
      "created_at": "Tue Dec 10 08:27:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread butter folded seventeen times is a kind of poetry that you can eat.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002835002"
          ],
          "editableUntil": "2019-12-09T13:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "16",
      "id_str": "1100000000002835002",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002835002",
      "created_at": "Mon Dec 09 13:27:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy every loaf hydration levels are a personality trait and mine is seventy eight percent. The bread knows.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000358",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002827083"
          ],
          "editableUntil": "2019-12-08T18:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "20",
      "id_str": "1100000000002827083",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002827083",
      "created_at": "Sun Dec 08 18:10:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: I burned the baguettes again because I was watching the snow fall. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002819164"
          ],
          "editableUntil": "2019-12-07T23:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/47bba90fe1",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "110",
              "133"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "133"
      ],
      "favorite_count": "14",
      "id_str": "1100000000002819164",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002819164",
      "created_at": "Sat Dec 07 23:16:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me salt, water, flour and time, and somehow the result is a whole morning. Back to the oven. https://t.co/47bba90fe1",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002811245"
          ],
          "editableUntil": "2019-12-07T03:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "8",
      "id_str": "1100000000002811245",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002811245",
      "created_at": "Sat Dec 07 03:53:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002803326"
          ],
          "editableUntil": "2019-12-06T09:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "2"
      ],
      "favorite_count": "38",
      "id_str": "1100000000002803326",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002803326",
      "created_at": "Fri Dec 06 09:25:00 +0000 2019",
      "favorited": false,
      "full_text": "ha",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002795407"
          ],
          "editableUntil": "2019-12-05T13:39:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/a5cb5d2a68",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "76",
              "99"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "4",
      "id_str": "1100000000002795407",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002795407",
      "created_at": "Thu Dec 05 13:39:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy tonight the oven the rye needs another hour and so, honestly, do I. https://t.co/a5cb5d2a68",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000353",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002787488"
          ],
          "editableUntil": "2019-12-04T19:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "12",
      "id_str": "1100000000002787488",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002787488",
      "created_at": "Wed Dec 04 19:18:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the moon is the only customer who never complains about the queue.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002779569"
          ],
          "editableUntil": "2019-12-03T23:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "32",
      "id_str": "1100000000002779569",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002779569",
      "created_at": "Tue Dec 03 23:47:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002771650"
          ],
          "editableUntil": "2019-12-03T04:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "38",
      "id_str": "1100000000002771650",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002771650",
      "created_at": "Tue Dec 03 04:33:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: every crumb shot I post is a love letter to fermentation. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002763731"
          ],
          "editableUntil": "2019-12-02T09:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "20"
      ],
      "favorite_count": "3",
      "id_str": "1100000000002763731",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002763731",
      "created_at": "Mon Dec 02 09:44:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed thanks!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002755812"
          ],
          "editableUntil": "2019-12-01T15:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "0",
      "id_str": "1100000000002755812",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002755812",
      "created_at": "Sun Dec 01 15:27:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed every loaf the scale says five hundred grams but my heart says a little bit more. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000348",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002747893"
          ],
          "editableUntil": "2019-11-30T19:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002747893",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002747893",
      "created_at": "Sat Nov 30 19:32:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed croissants you can tell a baker's mood by how hard they slap the dough. Oven at 250 &lt;3",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000347",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002739974"
          ],
          "editableUntil": "2019-11-30T01:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "67"
      ],
      "favorite_count": "25",
      "id_str": "1100000000002739974",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002739974",
      "created_at": "Sat Nov 30 01:25:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the rye needs another hour and so, honestly, do I.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002732055"
          ],
          "editableUntil": "2019-11-29T06:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "115",
              "125"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "20",
      "id_str": "1100000000002732055",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002732055",
      "created_at": "Fri Nov 29 06:22:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking salt, water, flour and time, and somehow the result is a whole morning. Ask me anything about rye. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002724136"
          ],
          "editableUntil": "2019-11-28T10:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "34",
      "id_str": "1100000000002724136",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002724136",
      "created_at": "Thu Nov 28 10:38:00 +0000 2019",
      "favorited": false,
      "full_text": "bread.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002716217"
          ],
          "editableUntil": "2019-11-27T16:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "143"
      ],
      "favorite_count": "24",
      "id_str": "1100000000002716217",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002716217",
      "created_at": "Wed Nov 27 16:29:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is my sourdough starter Gerald is older than my car and twice as reliable. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002708298"
          ],
          "editableUntil": "2019-11-26T21:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "12",
      "id_str": "1100000000002708298",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002708298",
      "created_at": "Tue Nov 26 21:19:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like my sourdough starter Gerald is older than my car and twice as reliable. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002700379"
          ],
          "editableUntil": "2019-11-26T01:52:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "75"
      ],
      "favorite_count": "6",
      "id_str": "1100000000002700379",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002700379",
      "created_at": "Tue Nov 26 01:52:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002692460"
          ],
          "editableUntil": "2019-11-25T07:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/ba9a9dd0fc",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "93",
              "116"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "27",
      "id_str": "1100000000002692460",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002692460",
      "created_at": "Mon Nov 25 07:18:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like caraway seeds remind me of winters at my grandmother's kitchen table. https://t.co/ba9a9dd0fc",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002684541"
          ],
          "editableUntil": "2019-11-24T11:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002684541",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002684541",
      "created_at": "Sun Nov 24 11:58:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002676622"
          ],
          "editableUntil": "2019-11-23T17:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/858d108332",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "129",
              "152"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "152"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002676622",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002676622",
      "created_at": "Sat Nov 23 17:17:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like the proofing basket is the only bed in this building that nobody argues about. &amp; yes, I ate the heel. https://t.co/858d108332",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002668703"
          ],
          "editableUntil": "2019-11-22T22:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "14",
      "id_str": "1100000000002668703",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002668703",
      "created_at": "Fri Nov 22 22:24:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002660784"
          ],
          "editableUntil": "2019-11-22T02:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/28b2b9c259",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "100",
              "123"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "27",
      "id_str": "1100000000002660784",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002660784",
      "created_at": "Fri Nov 22 02:41:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the crust sings when it cools, a crackle like rain on a tin roof. Crumb shot later. https://t.co/28b2b9c259",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002652865"
          ],
          "editableUntil": "2019-11-21T08:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "122"
      ],
      "favorite_count": "23",
      "id_str": "1100000000002652865",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002652865",
      "created_at": "Thu Nov 21 08:28:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the proofing basket is the only bed in this building that nobody argues about. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002644946"
          ],
          "editableUntil": "2019-11-20T12:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002644946",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002644946",
      "created_at": "Wed Nov 20 12:59:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002637027"
          ],
          "editableUntil": "2019-11-19T17:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002637027",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002637027",
      "created_at": "Tue Nov 19 17:46:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the proofing basket is the only bed in this building that nobody argues about.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002629108"
          ],
          "editableUntil": "2019-11-18T22:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "130"
      ],
      "favorite_count": "6",
      "id_str": "1100000000002629108",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002629108",
      "created_at": "Mon Nov 18 22:51:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and kneading is just a conversation with your hands that nobody else can hear. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002621189"
          ],
          "editableUntil": "2019-11-18T03:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "12",
      "id_str": "1100000000002621189",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002621189",
      "created_at": "Mon Nov 18 03:32:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: cinnamon rolls are an apology the whole street accepts. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002613270"
          ],
          "editableUntil": "2019-11-17T09:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "11",
      "id_str": "1100000000002613270",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002613270",
      "created_at": "Sun Nov 17 09:26:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned the scale says five hundred grams but my heart says a little bit more.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002605351"
          ],
          "editableUntil": "2019-11-16T14:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "5",
      "id_str": "1100000000002605351",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002605351",
      "created_at": "Sat Nov 16 14:17:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven you can tell a baker's mood by how hard they slap the dough. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002597432"
          ],
          "editableUntil": "2019-11-15T18:42:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "35",
      "id_str": "1100000000002597432",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002597432",
      "created_at": "Fri Nov 15 18:42:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven I burned the baguettes again because I was watching the snow fall. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002589513"
          ],
          "editableUntil": "2019-11-14T23:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "20",
      "id_str": "1100000000002589513",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002589513",
      "created_at": "Thu Nov 14 23:32:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking a small shop by the river where the bread is still warm when the trams start running. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002581594"
          ],
          "editableUntil": "2019-11-14T04:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "9",
      "id_str": "1100000000002581594",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002581594",
      "created_at": "Thu Nov 14 04:31:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002573675"
          ],
          "editableUntil": "2019-11-13T10:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "4",
      "id_str": "1100000000002573675",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002573675",
      "created_at": "Wed Nov 13 10:25:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: cinnamon rolls are an apology the whole street accepts. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002565756"
          ],
          "editableUntil": "2019-11-12T14:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/60ee5766bc",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "117",
              "140"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "140"
      ],
      "favorite_count": "40",
      "id_str": "1100000000002565756",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002565756",
      "created_at": "Tue Nov 12 14:35:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed note to self: my sourdough starter Gerald is older than my car and twice as reliable. Oven at 250 &lt;3 https://t.co/60ee5766bc",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000324",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002557837"
          ],
          "editableUntil": "2019-11-11T20:02:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "145"
      ],
      "favorite_count": "28",
      "id_str": "1100000000002557837",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002557837",
      "created_at": "Mon Nov 11 20:02:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine somebody asked why I bake at night and hydration levels are a personality trait and mine is seventy eight percent. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000323",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002549918"
          ],
          "editableUntil": "2019-11-11T01:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "20",
      "id_str": "1100000000002549918",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002549918",
      "created_at": "Mon Nov 11 01:29:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like caraway seeds remind me of winters at my grandmother's kitchen table. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002541999"
          ],
          "editableUntil": "2019-11-10T06:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "34",
      "id_str": "1100000000002541999",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002541999",
      "created_at": "Sun Nov 10 06:00:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour caraway seeds remind me of winters at my grandmother's kitchen table. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002534080"
          ],
          "editableUntil": "2019-11-09T11:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "29",
      "id_str": "1100000000002534080",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002534080",
      "created_at": "Sat Nov 09 11:08:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said a quiet oven at four in the morning is the loudest sound in the world. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002526161"
          ],
          "editableUntil": "2019-11-08T16:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "132"
      ],
      "favorite_count": "0",
      "id_str": "1100000000002526161",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002526161",
      "created_at": "Fri Nov 08 16:17:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and the moon is the only customer who never complains about the queue. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002518242"
          ],
          "editableUntil": "2019-11-07T21:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "4"
      ],
      "favorite_count": "7",
      "id_str": "1100000000002518242",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002518242",
      "created_at": "Thu Nov 07 21:00:00 +0000 2019",
      "favorited": false,
      "full_text": "yes.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002510323"
          ],
          "editableUntil": "2019-11-07T02:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002510323",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002510323",
      "created_at": "Thu Nov 07 02:22:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf that patience is an ingredient you cannot buy, only borrow from the dough. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002502404"
          ],
          "editableUntil": "2019-11-06T06:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "164"
      ],
      "favorite_count": "5",
      "id_str": "1100000000002502404",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002502404",
      "created_at": "Wed Nov 06 06:35:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed somebody asked why I bake at night and a small shop by the river where the bread is still warm when the trams start running. &amp; yes, I ate the heel.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000316",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002494485"
          ],
          "editableUntil": "2019-11-05T11:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "6",
      "id_str": "1100000000002494485",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002494485",
      "created_at": "Tue Nov 05 11:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread hydration levels are a personality trait and mine is seventy eight percent.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002486566"
          ],
          "editableUntil": "2019-11-04T16:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "79"
      ],
      "favorite_count": "8",
      "id_str": "1100000000002486566",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002486566",
      "created_at": "Mon Nov 04 16:49:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread caraway seeds remind me of winters at my grandmother's kitchen table.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002478647"
          ],
          "editableUntil": "2019-11-03T21:42:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/b148526c04",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "126",
              "149"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "149"
      ],
      "favorite_count": "18",
      "id_str": "1100000000002478647",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002478647",
      "created_at": "Sun Nov 03 21:42:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine i keep thinking the proofing basket is the only bed in this building that nobody argues about. Back to the oven. https://t.co/b148526c04",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000313",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002470728"
          ],
          "editableUntil": "2019-11-03T03:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "75",
              "85"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "5",
      "id_str": "1100000000002470728",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002470728",
      "created_at": "Sun Nov 03 03:01:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: you can tell a baker's mood by how hard they slap the dough. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002462809"
          ],
          "editableUntil": "2019-11-02T08:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "16",
      "id_str": "1100000000002462809",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002462809",
      "created_at": "Sat Nov 02 08:29:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while kneading is just a conversation with your hands that nobody else can hear. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002454890"
          ],
          "editableUntil": "2019-11-01T12:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002454890",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002454890",
      "created_at": "Fri Nov 01 12:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread butter folded seventeen times is a kind of poetry that you can eat.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002446971"
          ],
          "editableUntil": "2019-10-31T18:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "111",
              "121"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "121"
      ],
      "favorite_count": "0",
      "id_str": "1100000000002446971",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002446971",
      "created_at": "Thu Oct 31 18:06:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like caraway seeds remind me of winters at my grandmother's kitchen table. Crumb shot later. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002439052"
          ],
          "editableUntil": "2019-10-30T22:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "12",
      "id_str": "1100000000002439052",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002439052",
      "created_at": "Wed Oct 30 22:58:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the first loaf out of the oven always belongs to the night bus driver.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002431133"
          ],
          "editableUntil": "2019-10-30T04:20:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "126"
      ],
      "favorite_count": "34",
      "id_str": "1100000000002431133",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002431133",
      "created_at": "Wed Oct 30 04:20:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: a small shop by the river where the bread is still warm when the trams start running. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002423214"
          ],
          "editableUntil": "2019-10-29T08:30:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "38",
      "id_str": "1100000000002423214",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002423214",
      "created_at": "Tue Oct 29 08:30:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002415295"
          ],
          "editableUntil": "2019-10-28T14:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "20",
      "id_str": "1100000000002415295",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002415295",
      "created_at": "Mon Oct 28 14:21:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants butter folded seventeen times is a kind of poetry that you can eat. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002407376"
          ],
          "editableUntil": "2019-10-27T18:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "5",
      "id_str": "1100000000002407376",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002407376",
      "created_at": "Sun Oct 27 18:31:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana the starter the proofing basket is the only bed in this building that nobody argues about. Back to the oven.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000304",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002399457"
          ],
          "editableUntil": "2019-10-27T00:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "120"
      ],
      "favorite_count": "17",
      "id_str": "1100000000002399457",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002399457",
      "created_at": "Sun Oct 27 00:25:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while my sourdough starter Gerald is older than my car and twice as reliable. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002391538"
          ],
          "editableUntil": "2019-10-26T04:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "5",
      "id_str": "1100000000002391538",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002391538",
      "created_at": "Sat Oct 26 04:45:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread every crumb shot I post is a love letter to fermentation. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002383619"
          ],
          "editableUntil": "2019-10-25T09:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/a98c297027",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "106",
              "129"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "129"
      ],
      "favorite_count": "1",
      "id_str": "1100000000002383619",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002383619",
      "created_at": "Fri Oct 25 09:33:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom sourdough taught me flour gets everywhere, in my hair, my shoes, my dreams. The bread knows. https://t.co/a98c297027",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000301",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002375700"
          ],
          "editableUntil": "2019-10-24T15:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "25",
      "id_str": "1100000000002375700",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002375700",
      "created_at": "Thu Oct 24 15:05:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking my sourdough starter Gerald is older than my car and twice as reliable.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002367781"
          ],
          "editableUntil": "2019-10-23T19:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "8",
      "id_str": "1100000000002367781",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002367781",
      "created_at": "Wed Oct 23 19:41:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said the rye needs another hour and so, honestly, do I. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002359862"
          ],
          "editableUntil": "2019-10-23T00:55:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "110",
              "120"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "120"
      ],
      "favorite_count": "16",
      "id_str": "1100000000002359862",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002359862",
      "created_at": "Wed Oct 23 00:55:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and flour gets everywhere, in my hair, my shoes, my dreams. More tomorrow. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002351943"
          ],
          "editableUntil": "2019-10-22T05:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002351943",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002351943",
      "created_at": "Tue Oct 22 05:34:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven that patience is an ingredient you cannot buy, only borrow from the dough. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002344024"
          ],
          "editableUntil": "2019-10-21T10:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "76"
      ],
      "favorite_count": "32",
      "id_str": "1100000000002344024",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002344024",
      "created_at": "Mon Oct 21 10:35:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002336105"
          ],
          "editableUntil": "2019-10-20T16:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "79"
      ],
      "favorite_count": "12",
      "id_str": "1100000000002336105",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002336105",
      "created_at": "Sun Oct 20 16:12:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is butter folded seventeen times is a kind of poetry that you can eat.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002328186"
          ],
          "editableUntil": "2019-10-19T20:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/57457bf86c",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "106",
              "129"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "129"
      ],
      "favorite_count": "31",
      "id_str": "1100000000002328186",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002328186",
      "created_at": "Sat Oct 19 20:57:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like flour gets everywhere, in my hair, my shoes, my dreams. Ask me anything about rye. https://t.co/57457bf86c",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002320267"
          ],
          "editableUntil": "2019-10-19T01:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "127"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002320267",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002320267",
      "created_at": "Sat Oct 19 01:38:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy honestly the best part of the night shift is that patience is an ingredient you cannot buy, only borrow from the dough.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000293",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002312348"
          ],
          "editableUntil": "2019-10-18T07:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "18",
      "id_str": "1100000000002312348",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002312348",
      "created_at": "Fri Oct 18 07:22:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour you can tell a baker's mood by how hard they slap the dough.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002304429"
          ],
          "editableUntil": "2019-10-17T11:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "29",
      "id_str": "1100000000002304429",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002304429",
      "created_at": "Thu Oct 17 11:59:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants the scale says five hundred grams but my heart says a little bit more. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002296510"
          ],
          "editableUntil": "2019-10-16T16:30:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "23",
      "id_str": "1100000000002296510",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002296510",
      "created_at": "Wed Oct 16 16:30:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy the bakery smells like flour gets everywhere, in my hair, my shoes, my dreams. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000290",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002288591"
          ],
          "editableUntil": "2019-10-15T22:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "117"
      ],
      "favorite_count": "33",
      "id_str": "1100000000002288591",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002288591",
      "created_at": "Tue Oct 15 22:05:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy sourdough taught me the moon is the only customer who never complains about the queue. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000289",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002280672"
          ],
          "editableUntil": "2019-10-15T02:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "21",
      "id_str": "1100000000002280672",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002280672",
      "created_at": "Tue Oct 15 02:51:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned salt, water, flour and time, and somehow the result is a whole morning.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002272753"
          ],
          "editableUntil": "2019-10-14T08:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/1b58208840",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "133",
              "156"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "156"
      ],
      "favorite_count": "33",
      "id_str": "1100000000002272753",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002272753",
      "created_at": "Mon Oct 14 08:01:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and I burned the baguettes again because I was watching the snow fall. &amp; yes, I ate the heel. https://t.co/1b58208840",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002264834"
          ],
          "editableUntil": "2019-10-13T12:54:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/953776adaa",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "108",
              "131"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "131"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002264834",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002264834",
      "created_at": "Sun Oct 13 12:54:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy every loaf salt, water, flour and time, and somehow the result is a whole morning. The bread knows. https://t.co/953776adaa",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000286",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002256915"
          ],
          "editableUntil": "2019-10-12T18:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "37",
      "id_str": "1100000000002256915",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002256915",
      "created_at": "Sat Oct 12 18:00:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002248996"
          ],
          "editableUntil": "2019-10-11T23:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "19",
      "id_str": "1100000000002248996",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000002248996",
      "created_at": "Fri Oct 11 23:05:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the proofing basket is the only bed in this building that nobody argues about. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002241077"
          ],
          "editableUntil": "2019-10-11T04:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "14",
      "id_str": "1100000000002241077",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002241077",
      "created_at": "Fri Oct 11 04:00:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread hydration levels are a personality trait and mine is seventy eight percent. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002233158"
          ],
          "editableUntil": "2019-10-10T09:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "34",
      "id_str": "1100000000002233158",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002233158",
      "created_at": "Thu Oct 10 09:18:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf caraway seeds remind me of winters at my grandmother's kitchen table. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002225239"
          ],
          "editableUntil": "2019-10-09T13:48:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "95",
              "105"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "9",
      "id_str": "1100000000002225239",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002225239",
      "created_at": "Wed Oct 09 13:48:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants the crust sings when it cools, a crackle like rain on a tin roof. Oven at 250 &lt;3 #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002217320"
          ],
          "editableUntil": "2019-10-08T18:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "1",
      "id_str": "1100000000002217320",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002217320",
      "created_at": "Tue Oct 08 18:57:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the first loaf out of the oven always belongs to the night bus driver.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002209401"
          ],
          "editableUntil": "2019-10-08T00:13:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "29",
      "id_str": "1100000000002209401",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002209401",
      "created_at": "Tue Oct 08 00:13:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said hydration levels are a personality trait and mine is seventy eight percent.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002201482"
          ],
          "editableUntil": "2019-10-07T05:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "88"
      ],
      "favorite_count": "20",
      "id_str": "1100000000002201482",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002201482",
      "created_at": "Mon Oct 07 05:21:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven salt, water, flour and time, and somehow the result is a whole morning.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002193563"
          ],
          "editableUntil": "2019-10-06T09:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "35",
      "id_str": "1100000000002193563",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002193563",
      "created_at": "Sun Oct 06 09:59:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking that patience is an ingredient you cannot buy, only borrow from the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002185644"
          ],
          "editableUntil": "2019-10-05T14:39:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/3f4f467b28",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "102",
              "125"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "0",
      "id_str": "1100000000002185644",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002185644",
      "created_at": "Sat Oct 05 14:39:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the first loaf out of the oven always belongs to the night bus driver. Goodnight, bakers. https://t.co/3f4f467b28",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002177725"
          ],
          "editableUntil": "2019-10-04T20:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002177725",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002177725",
      "created_at": "Fri Oct 04 20:08:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking every crumb shot I post is a love letter to fermentation. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002169806"
          ],
          "editableUntil": "2019-10-04T00:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "88"
      ],
      "favorite_count": "0",
      "id_str": "1100000000002169806",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002169806",
      "created_at": "Fri Oct 04 00:46:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven my sourdough starter Gerald is older than my car and twice as reliable.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002161887"
          ],
          "editableUntil": "2019-10-03T05:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "92"
      ],
      "favorite_count": "6",
      "id_str": "1100000000002161887",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002161887",
      "created_at": "Thu Oct 03 05:44:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said flour gets everywhere, in my hair, my shoes, my dreams. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002153968"
          ],
          "editableUntil": "2019-10-02T10:52:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "117"
      ],
      "favorite_count": "29",
      "id_str": "1100000000002153968",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000002153968",
      "created_at": "Wed Oct 02 10:52:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking that patience is an ingredient you cannot buy, only borrow from the dough. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002146049"
          ],
          "editableUntil": "2019-10-01T16:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "103"
      ],
      "favorite_count": "39",
      "id_str": "1100000000002146049",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002146049",
      "created_at": "Tue Oct 01 16:26:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the crust sings when it cools, a crackle like rain on a tin roof. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002138130"
          ],
          "editableUntil": "2019-09-30T20:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "9"
      ],
      "favorite_count": "29",
      "id_str": "1100000000002138130",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002138130",
      "created_at": "Mon Sep 30 20:49:00 +0000 2019",
      "favorited": false,
      "full_text": "oven's on",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002130211"
          ],
          "editableUntil": "2019-09-30T01:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "1",
      "id_str": "1100000000002130211",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002130211",
      "created_at": "Mon Sep 30 01:53:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the first loaf out of the oven always belongs to the night bus driver. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002122292"
          ],
          "editableUntil": "2019-09-29T07:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "60"
      ],
      "favorite_count": "28",
      "id_str": "1100000000002122292",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002122292",
      "created_at": "Sun Sep 29 07:07:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the rye needs another hour and so, honestly, do I.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002114373"
          ],
          "editableUntil": "2019-09-28T12:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "36",
      "id_str": "1100000000002114373",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002114373",
      "created_at": "Sat Sep 28 12:07:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour that patience is an ingredient you cannot buy, only borrow from the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002106454"
          ],
          "editableUntil": "2019-09-27T17:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "138"
      ],
      "favorite_count": "18",
      "id_str": "1100000000002106454",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002106454",
      "created_at": "Fri Sep 27 17:18:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is the scale says five hundred grams but my heart says a little bit more. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002098535"
          ],
          "editableUntil": "2019-09-26T21:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "34",
      "id_str": "1100000000002098535",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002098535",
      "created_at": "Thu Sep 26 21:45:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf a small shop by the river where the bread is still warm when the trams start running. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002090616"
          ],
          "editableUntil": "2019-09-26T02:30:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "90"
      ],
      "favorite_count": "35",
      "id_str": "1100000000002090616",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002090616",
      "created_at": "Thu Sep 26 02:30:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me flour gets everywhere, in my hair, my shoes, my dreams. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002082697"
          ],
          "editableUntil": "2019-09-25T08:02:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "37",
      "id_str": "1100000000002082697",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000002082697",
      "created_at": "Wed Sep 25 08:02:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine note to self: the crust sings when it cools, a crackle like rain on a tin roof. Oven at 250 &lt;3",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000263",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002074778"
          ],
          "editableUntil": "2019-09-24T13:13:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "4",
      "id_str": "1100000000002074778",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002074778",
      "created_at": "Tue Sep 24 13:13:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy the starter the crust sings when it cools, a crackle like rain on a tin roof. The bread knows.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000262",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002066859"
          ],
          "editableUntil": "2019-09-23T17:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "70",
              "80"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "80"
      ],
      "favorite_count": "28",
      "id_str": "1100000000002066859",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002066859",
      "created_at": "Mon Sep 23 17:32:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter every crumb shot I post is a love letter to fermentation. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002058940"
          ],
          "editableUntil": "2019-09-22T23:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "18",
      "id_str": "1100000000002058940",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002058940",
      "created_at": "Sun Sep 22 23:23:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven a quiet oven at four in the morning is the loudest sound in the world.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002051021"
          ],
          "editableUntil": "2019-09-22T03:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "121"
      ],
      "favorite_count": "26",
      "id_str": "1100000000002051021",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000002051021",
      "created_at": "Sun Sep 22 03:57:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the proofing basket is the only bed in this building that nobody argues about. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002043102"
          ],
          "editableUntil": "2019-09-21T08:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "6",
      "id_str": "1100000000002043102",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002043102",
      "created_at": "Sat Sep 21 08:36:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002035183"
          ],
          "editableUntil": "2019-09-20T13:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "93"
      ],
      "favorite_count": "17",
      "id_str": "1100000000002035183",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002035183",
      "created_at": "Fri Sep 20 13:38:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said flour gets everywhere, in my hair, my shoes, my dreams. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002027264"
          ],
          "editableUntil": "2019-09-19T19:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "30",
      "id_str": "1100000000002027264",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002027264",
      "created_at": "Thu Sep 19 19:09:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and every crumb shot I post is a love letter to fermentation. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002019345"
          ],
          "editableUntil": "2019-09-19T00:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/92f105cc7c",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "93",
              "116"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "16",
      "id_str": "1100000000002019345",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002019345",
      "created_at": "Thu Sep 19 00:00:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking every crumb shot I post is a love letter to fermentation. Goodnight, bakers. https://t.co/92f105cc7c",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002011426"
          ],
          "editableUntil": "2019-09-18T05:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "121"
      ],
      "favorite_count": "24",
      "id_str": "1100000000002011426",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000002011426",
      "created_at": "Wed Sep 18 05:24:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and flour gets everywhere, in my hair, my shoes, my dreams. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000002003507"
          ],
          "editableUntil": "2019-09-17T10:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "8",
      "id_str": "1100000000002003507",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000002003507",
      "created_at": "Tue Sep 17 10:12:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: cinnamon rolls are an apology the whole street accepts. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001995588"
          ],
          "editableUntil": "2019-09-16T15:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "17",
      "id_str": "1100000000001995588",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001995588",
      "created_at": "Mon Sep 16 15:09:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana my grandmother said every crumb shot I post is a love letter to fermentation. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000252",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001987669"
          ],
          "editableUntil": "2019-09-15T19:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "126"
      ],
      "favorite_count": "36",
      "id_str": "1100000000001987669",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001987669",
      "created_at": "Sun Sep 15 19:45:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed my grandmother said that patience is an ingredient you cannot buy, only borrow from the dough. Goodnight, bakers.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000251",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001979750"
          ],
          "editableUntil": "2019-09-15T00:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "154"
      ],
      "favorite_count": "35",
      "id_str": "1100000000001979750",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001979750",
      "created_at": "Sun Sep 15 00:49:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana honestly the best part of the night shift is hydration levels are a personality trait and mine is seventy eight percent. Back to the oven.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000250",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001971831"
          ],
          "editableUntil": "2019-09-14T06:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "121",
              "131"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "131"
      ],
      "favorite_count": "40",
      "id_str": "1100000000001971831",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001971831",
      "created_at": "Sat Sep 14 06:07:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like the proofing basket is the only bed in this building that nobody argues about. Goodnight, bakers. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001963912"
          ],
          "editableUntil": "2019-09-13T10:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "128"
      ],
      "favorite_count": "30",
      "id_str": "1100000000001963912",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001963912",
      "created_at": "Fri Sep 13 10:32:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and the scale says five hundred grams but my heart says a little bit more. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001955993"
          ],
          "editableUntil": "2019-09-12T16:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "6",
      "id_str": "1100000000001955993",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001955993",
      "created_at": "Thu Sep 12 16:03:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants cinnamon rolls are an apology the whole street accepts. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001948074"
          ],
          "editableUntil": "2019-09-11T21:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "92"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001948074",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001948074",
      "created_at": "Wed Sep 11 21:19:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said every crumb shot I post is a love letter to fermentation. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001940155"
          ],
          "editableUntil": "2019-09-11T02:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "172",
              "182"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/5c5f596c0c",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "148",
              "171"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "182"
      ],
      "favorite_count": "24",
      "id_str": "1100000000001940155",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001940155",
      "created_at": "Wed Sep 11 02:12:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed somebody asked why I bake at night and the proofing basket is the only bed in this building that nobody argues about. The bread knows. https://t.co/5c5f596c0c #sourdough",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000245",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001932236"
          ],
          "editableUntil": "2019-09-10T07:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/958f9652ee",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "85",
              "108"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "39",
      "id_str": "1100000000001932236",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001932236",
      "created_at": "Tue Sep 10 07:25:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is cinnamon rolls are an apology the whole street accepts. The bread knows. https://t.co/958f9652ee",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001924317"
          ],
          "editableUntil": "2019-09-09T11:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "35",
      "id_str": "1100000000001924317",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001924317",
      "created_at": "Mon Sep 09 11:34:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking that patience is an ingredient you cannot buy, only borrow from the dough. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001916398"
          ],
          "editableUntil": "2019-09-08T16:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "13",
      "id_str": "1100000000001916398",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001916398",
      "created_at": "Sun Sep 08 16:49:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001908479"
          ],
          "editableUntil": "2019-09-07T21:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "1",
      "id_str": "1100000000001908479",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001908479",
      "created_at": "Sat Sep 07 21:37:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like the proofing basket is the only bed in this building that nobody argues about.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001900560"
          ],
          "editableUntil": "2019-09-07T03:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "8",
      "id_str": "1100000000001900560",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001900560",
      "created_at": "Sat Sep 07 03:08:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: you can tell a baker's mood by how hard they slap the dough.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001892641"
          ],
          "editableUntil": "2019-09-06T07:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "22",
      "id_str": "1100000000001892641",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001892641",
      "created_at": "Fri Sep 06 07:31:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread salt, water, flour and time, and somehow the result is a whole morning. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001884722"
          ],
          "editableUntil": "2019-09-05T13:04:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "38",
      "id_str": "1100000000001884722",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001884722",
      "created_at": "Thu Sep 05 13:04:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like salt, water, flour and time, and somehow the result is a whole morning. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001876803"
          ],
          "editableUntil": "2019-09-04T17:54:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "16",
      "id_str": "1100000000001876803",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001876803",
      "created_at": "Wed Sep 04 17:54:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking butter folded seventeen times is a kind of poetry that you can eat. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001868884"
          ],
          "editableUntil": "2019-09-03T23:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "122"
      ],
      "favorite_count": "11",
      "id_str": "1100000000001868884",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001868884",
      "created_at": "Tue Sep 03 23:27:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine i keep thinking kneading is just a conversation with your hands that nobody else can hear. Goodnight, bakers.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000236",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001860965"
          ],
          "editableUntil": "2019-09-03T04:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "80"
      ],
      "favorite_count": "10",
      "id_str": "1100000000001860965",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001860965",
      "created_at": "Tue Sep 03 04:23:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like every crumb shot I post is a love letter to fermentation.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001853046"
          ],
          "editableUntil": "2019-09-02T09:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "9",
      "id_str": "1100000000001853046",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001853046",
      "created_at": "Mon Sep 02 09:05:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is kneading is just a conversation with your hands that nobody else can hear.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001845127"
          ],
          "editableUntil": "2019-09-01T14:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "142"
      ],
      "favorite_count": "30",
      "id_str": "1100000000001845127",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001845127",
      "created_at": "Sun Sep 01 14:26:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is that patience is an ingredient you cannot buy, only borrow from the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001837208"
          ],
          "editableUntil": "2019-08-31T18:40:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001837208",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001837208",
      "created_at": "Sat Aug 31 18:40:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001829289"
          ],
          "editableUntil": "2019-08-31T00:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001829289",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001829289",
      "created_at": "Sat Aug 31 00:06:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: caraway seeds remind me of winters at my grandmother's kitchen table. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001821370"
          ],
          "editableUntil": "2019-08-30T04:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "20"
      ],
      "favorite_count": "26",
      "id_str": "1100000000001821370",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001821370",
      "created_at": "Fri Aug 30 04:45:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed thanks!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001813451"
          ],
          "editableUntil": "2019-08-29T10:02:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/2b41c9e8f5",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "103",
              "126"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "126"
      ],
      "favorite_count": "29",
      "id_str": "1100000000001813451",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001813451",
      "created_at": "Thu Aug 29 10:02:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy my dream is cinnamon rolls are an apology the whole street accepts. Ask me anything about rye. https://t.co/2b41c9e8f5",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000229",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001805532"
          ],
          "editableUntil": "2019-08-28T15:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "8",
      "id_str": "1100000000001805532",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001805532",
      "created_at": "Wed Aug 28 15:23:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread every crumb shot I post is a love letter to fermentation. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001797613"
          ],
          "editableUntil": "2019-08-27T20:20:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "142"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001797613",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001797613",
      "created_at": "Tue Aug 27 20:20:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is that patience is an ingredient you cannot buy, only borrow from the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001789694"
          ],
          "editableUntil": "2019-08-27T01:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/1c638db998",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "125",
              "148"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "148"
      ],
      "favorite_count": "39",
      "id_str": "1100000000001789694",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001789694",
      "created_at": "Tue Aug 27 01:10:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while a small shop by the river where the bread is still warm when the trams start running. The bread knows. https://t.co/1c638db998",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001781775"
          ],
          "editableUntil": "2019-08-26T06:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "10"
      ],
      "favorite_count": "15",
      "id_str": "1100000000001781775",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001781775",
      "created_at": "Mon Aug 26 06:28:00 +0000 2019",
      "favorited": false,
      "full_text": "#sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001773856"
          ],
          "editableUntil": "2019-08-25T11:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "14",
      "id_str": "1100000000001773856",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001773856",
      "created_at": "Sun Aug 25 11:16:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter my sourdough starter Gerald is older than my car and twice as reliable. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001765937"
          ],
          "editableUntil": "2019-08-24T16:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "134"
      ],
      "favorite_count": "4",
      "id_str": "1100000000001765937",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001765937",
      "created_at": "Sat Aug 24 16:23:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is kneading is just a conversation with your hands that nobody else can hear. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001758018"
          ],
          "editableUntil": "2019-08-23T20:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/3e6586db92",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "91",
              "114"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "22",
      "id_str": "1100000000001758018",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001758018",
      "created_at": "Fri Aug 23 20:53:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour cinnamon rolls are an apology the whole street accepts. Back to the oven. https://t.co/3e6586db92",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001750099"
          ],
          "editableUntil": "2019-08-23T02:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "15",
      "id_str": "1100000000001750099",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001750099",
      "created_at": "Fri Aug 23 02:25:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine my dream is my sourdough starter Gerald is older than my car and twice as reliable. &amp; yes, I ate the heel.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000221",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001742180"
          ],
          "editableUntil": "2019-08-22T07:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "12",
      "id_str": "1100000000001742180",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001742180",
      "created_at": "Thu Aug 22 07:09:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001734261"
          ],
          "editableUntil": "2019-08-21T11:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "20",
      "id_str": "1100000000001734261",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001734261",
      "created_at": "Wed Aug 21 11:51:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom the bakery smells like the rye needs another hour and so, honestly, do I. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000219",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001726342"
          ],
          "editableUntil": "2019-08-20T16:43:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/f6b5aa80e0",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "83",
              "106"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001726342",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001726342",
      "created_at": "Tue Aug 20 16:43:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is the scale says five hundred grams but my heart says a little bit more. https://t.co/f6b5aa80e0",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001718423"
          ],
          "editableUntil": "2019-08-19T21:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "19",
      "id_str": "1100000000001718423",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001718423",
      "created_at": "Mon Aug 19 21:33:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me hydration levels are a personality trait and mine is seventy eight percent. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001710504"
          ],
          "editableUntil": "2019-08-19T03:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "1",
      "id_str": "1100000000001710504",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001710504",
      "created_at": "Mon Aug 19 03:17:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the moon is the only customer who never complains about the queue. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001702585"
          ],
          "editableUntil": "2019-08-18T07:43:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "26",
      "id_str": "1100000000001702585",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001702585",
      "created_at": "Sun Aug 18 07:43:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine sourdough taught me the crust sings when it cools, a crackle like rain on a tin roof.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000215",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001694666"
          ],
          "editableUntil": "2019-08-17T12:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "60"
      ],
      "favorite_count": "2",
      "id_str": "1100000000001694666",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001694666",
      "created_at": "Sat Aug 17 12:38:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001686747"
          ],
          "editableUntil": "2019-08-16T17:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "13",
      "id_str": "1100000000001686747",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001686747",
      "created_at": "Fri Aug 16 17:37:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: salt, water, flour and time, and somehow the result is a whole morning. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001678828"
          ],
          "editableUntil": "2019-08-15T22:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "97",
              "107"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "107"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001678828",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001678828",
      "created_at": "Thu Aug 15 22:47:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and every crumb shot I post is a love letter to fermentation. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001670909"
          ],
          "editableUntil": "2019-08-15T04:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "26",
      "id_str": "1100000000001670909",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001670909",
      "created_at": "Thu Aug 15 04:26:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the proofing basket is the only bed in this building that nobody argues about. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001662990"
          ],
          "editableUntil": "2019-08-14T08:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "130",
              "140"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "140"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001662990",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001662990",
      "created_at": "Wed Aug 14 08:34:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom sourdough taught me caraway seeds remind me of winters at my grandmother's kitchen table. Ask me anything about rye. #sourdough",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000210",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001655071"
          ],
          "editableUntil": "2019-08-13T13:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "91"
      ],
      "favorite_count": "35",
      "id_str": "1100000000001655071",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001655071",
      "created_at": "Tue Aug 13 13:41:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven kneading is just a conversation with your hands that nobody else can hear.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001647152"
          ],
          "editableUntil": "2019-08-12T19:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "22",
      "id_str": "1100000000001647152",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001647152",
      "created_at": "Mon Aug 12 19:17:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy my grandmother said the moon is the only customer who never complains about the queue. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000208",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001639233"
          ],
          "editableUntil": "2019-08-12T00:20:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "20"
      ],
      "favorite_count": "23",
      "id_str": "1100000000001639233",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001639233",
      "created_at": "Mon Aug 12 00:20:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed thanks!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001631314"
          ],
          "editableUntil": "2019-08-11T04:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "40",
      "id_str": "1100000000001631314",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001631314",
      "created_at": "Sun Aug 11 04:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven cinnamon rolls are an apology the whole street accepts. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001623395"
          ],
          "editableUntil": "2019-08-10T09:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/6bce332054",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "69",
              "92"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "92"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001623395",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001623395",
      "created_at": "Sat Aug 10 09:59:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants every crumb shot I post is a love letter to fermentation. https://t.co/6bce332054",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001615476"
          ],
          "editableUntil": "2019-08-09T15:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "9",
      "id_str": "1100000000001615476",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001615476",
      "created_at": "Fri Aug 09 15:24:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter my sourdough starter Gerald is older than my car and twice as reliable. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001607557"
          ],
          "editableUntil": "2019-08-08T19:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "39",
      "id_str": "1100000000001607557",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001607557",
      "created_at": "Thu Aug 08 19:58:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven a small shop by the river where the bread is still warm when the trams start running. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001599638"
          ],
          "editableUntil": "2019-08-08T01:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "126"
      ],
      "favorite_count": "18",
      "id_str": "1100000000001599638",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001599638",
      "created_at": "Thu Aug 08 01:03:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and caraway seeds remind me of winters at my grandmother's kitchen table. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001591719"
          ],
          "editableUntil": "2019-08-07T05:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/c1d4ab31b1",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "103",
              "126"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "126"
      ],
      "favorite_count": "28",
      "id_str": "1100000000001591719",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001591719",
      "created_at": "Wed Aug 07 05:35:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: a quiet oven at four in the morning is the loudest sound in the world. Back to the oven. https://t.co/c1d4ab31b1",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001583800"
          ],
          "editableUntil": "2019-08-06T10:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "121"
      ],
      "favorite_count": "36",
      "id_str": "1100000000001583800",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001583800",
      "created_at": "Tue Aug 06 10:49:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and flour gets everywhere, in my hair, my shoes, my dreams. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001575881"
          ],
          "editableUntil": "2019-08-05T15:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "29",
      "id_str": "1100000000001575881",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001575881",
      "created_at": "Mon Aug 05 15:31:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom at 3am the flour salt, water, flour and time, and somehow the result is a whole morning. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000199",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001567962"
          ],
          "editableUntil": "2019-08-04T20:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "78"
      ],
      "favorite_count": "24",
      "id_str": "1100000000001567962",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001567962",
      "created_at": "Sun Aug 04 20:36:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the moon is the only customer who never complains about the queue.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001560043"
          ],
          "editableUntil": "2019-08-04T01:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "11",
      "id_str": "1100000000001560043",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001560043",
      "created_at": "Sun Aug 04 01:49:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven butter folded seventeen times is a kind of poetry that you can eat. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001552124"
          ],
          "editableUntil": "2019-08-03T06:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "6",
      "id_str": "1100000000001552124",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001552124",
      "created_at": "Sat Aug 03 06:58:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is butter folded seventeen times is a kind of poetry that you can eat. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001544205"
          ],
          "editableUntil": "2019-08-02T11:48:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/b13a3f6ffb",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "113",
              "136"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "136"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001544205",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001544205",
      "created_at": "Fri Aug 02 11:48:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the proofing basket is the only bed in this building that nobody argues about. Crumb shot later. https://t.co/b13a3f6ffb",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001536286"
          ],
          "editableUntil": "2019-08-01T17:14:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "32",
      "id_str": "1100000000001536286",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001536286",
      "created_at": "Thu Aug 01 17:14:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is the scale says five hundred grams but my heart says a little bit more. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001528367"
          ],
          "editableUntil": "2019-07-31T21:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "6",
      "id_str": "1100000000001528367",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001528367",
      "created_at": "Wed Jul 31 21:44:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven hydration levels are a personality trait and mine is seventy eight percent. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001520448"
          ],
          "editableUntil": "2019-07-31T02:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "23",
      "id_str": "1100000000001520448",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001520448",
      "created_at": "Wed Jul 31 02:33:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and caraway seeds remind me of winters at my grandmother's kitchen table.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001512529"
          ],
          "editableUntil": "2019-07-30T07:52:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "5",
      "id_str": "1100000000001512529",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001512529",
      "created_at": "Tue Jul 30 07:52:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants every crumb shot I post is a love letter to fermentation. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001504610"
          ],
          "editableUntil": "2019-07-29T13:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "38",
      "id_str": "1100000000001504610",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001504610",
      "created_at": "Mon Jul 29 13:19:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned a small shop by the river where the bread is still warm when the trams start running.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001496691"
          ],
          "editableUntil": "2019-07-28T17:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "36",
      "id_str": "1100000000001496691",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001496691",
      "created_at": "Sun Jul 28 17:47:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread salt, water, flour and time, and somehow the result is a whole morning.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001488772"
          ],
          "editableUntil": "2019-07-27T23:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001488772",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001488772",
      "created_at": "Sat Jul 27 23:06:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and flour gets everywhere, in my hair, my shoes, my dreams. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001480853"
          ],
          "editableUntil": "2019-07-27T03:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "114",
              "124"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "19",
      "id_str": "1100000000001480853",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001480853",
      "created_at": "Sat Jul 27 03:49:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned a quiet oven at four in the morning is the loudest sound in the world. Ask me anything about rye. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001472934"
          ],
          "editableUntil": "2019-07-26T08:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "5",
      "id_str": "1100000000001472934",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001472934",
      "created_at": "Fri Jul 26 08:59:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking flour gets everywhere, in my hair, my shoes, my dreams. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001465015"
          ],
          "editableUntil": "2019-07-25T14:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "31",
      "id_str": "1100000000001465015",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001465015",
      "created_at": "Thu Jul 25 14:27:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf the moon is the only customer who never complains about the queue. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001457096"
          ],
          "editableUntil": "2019-07-24T18:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "1",
      "id_str": "1100000000001457096",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001457096",
      "created_at": "Wed Jul 24 18:36:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the first loaf out of the oven always belongs to the night bus driver. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001449177"
          ],
          "editableUntil": "2019-07-23T23:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001449177",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001449177",
      "created_at": "Tue Jul 23 23:37:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread butter folded seventeen times is a kind of poetry that you can eat.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001441258"
          ],
          "editableUntil": "2019-07-23T04:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "0",
      "id_str": "1100000000001441258",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001441258",
      "created_at": "Tue Jul 23 04:34:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001433339"
          ],
          "editableUntil": "2019-07-22T10:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "122"
      ],
      "favorite_count": "1",
      "id_str": "1100000000001433339",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001433339",
      "created_at": "Mon Jul 22 10:16:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and the crust sings when it cools, a crackle like rain on a tin roof. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001425420"
          ],
          "editableUntil": "2019-07-21T15:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/8f407b5980",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "96",
              "119"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "17",
      "id_str": "1100000000001425420",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001425420",
      "created_at": "Sun Jul 21 15:10:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed the city sleeps while you can tell a baker's mood by how hard they slap the dough. https://t.co/8f407b5980",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000180",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001417501"
          ],
          "editableUntil": "2019-07-20T20:02:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "34",
      "id_str": "1100000000001417501",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001417501",
      "created_at": "Sat Jul 20 20:02:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking kneading is just a conversation with your hands that nobody else can hear. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001409582"
          ],
          "editableUntil": "2019-07-20T01:15:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "17",
      "id_str": "1100000000001409582",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001409582",
      "created_at": "Sat Jul 20 01:15:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy i keep thinking the rye needs another hour and so, honestly, do I. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000178",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001401663"
          ],
          "editableUntil": "2019-07-19T05:52:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/8bc2d8d3b5",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "111",
              "134"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "134"
      ],
      "favorite_count": "27",
      "id_str": "1100000000001401663",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001401663",
      "created_at": "Fri Jul 19 05:52:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the proofing basket is the only bed in this building that nobody argues about. Crumb shot later. https://t.co/8bc2d8d3b5",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001393744"
          ],
          "editableUntil": "2019-07-18T11:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "1",
      "id_str": "1100000000001393744",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001393744",
      "created_at": "Thu Jul 18 11:10:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @tinroof_tom: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001385825"
          ],
          "editableUntil": "2019-07-17T15:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "2",
      "id_str": "1100000000001385825",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001385825",
      "created_at": "Wed Jul 17 15:57:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter I burned the baguettes again because I was watching the snow fall. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001377906"
          ],
          "editableUntil": "2019-07-16T21:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "126"
      ],
      "favorite_count": "25",
      "id_str": "1100000000001377906",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001377906",
      "created_at": "Tue Jul 16 21:28:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom honestly the best part of the night shift is the rye needs another hour and so, honestly, do I. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000174",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001369987"
          ],
          "editableUntil": "2019-07-16T01:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001369987",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001369987",
      "created_at": "Tue Jul 16 01:47:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: flour gets everywhere, in my hair, my shoes, my dreams. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001362068"
          ],
          "editableUntil": "2019-07-15T06:54:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "24",
      "id_str": "1100000000001362068",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001362068",
      "created_at": "Mon Jul 15 06:54:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed i keep thinking hydration levels are a personality trait and mine is seventy eight percent.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000172",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001354149"
          ],
          "editableUntil": "2019-07-14T12:13:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "20"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001354149",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001354149",
      "created_at": "Sun Jul 14 12:13:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed thanks!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001346230"
          ],
          "editableUntil": "2019-07-13T17:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "118"
      ],
      "favorite_count": "8",
      "id_str": "1100000000001346230",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001346230",
      "created_at": "Sat Jul 13 17:09:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom today I learned kneading is just a conversation with your hands that nobody else can hear. More tomorrow.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000170",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001338311"
          ],
          "editableUntil": "2019-07-12T21:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "6",
      "id_str": "1100000000001338311",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001338311",
      "created_at": "Fri Jul 12 21:31:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me a quiet oven at four in the morning is the loudest sound in the world. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001330392"
          ],
          "editableUntil": "2019-07-12T02:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "129"
      ],
      "favorite_count": "5",
      "id_str": "1100000000001330392",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001330392",
      "created_at": "Fri Jul 12 02:46:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana sourdough taught me the proofing basket is the only bed in this building that nobody argues about. More tomorrow.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000168",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001322473"
          ],
          "editableUntil": "2019-07-11T07:56:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "60"
      ],
      "favorite_count": "32",
      "id_str": "1100000000001322473",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001322473",
      "created_at": "Thu Jul 11 07:56:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001314554"
          ],
          "editableUntil": "2019-07-10T12:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "16",
      "id_str": "1100000000001314554",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001314554",
      "created_at": "Wed Jul 10 12:38:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine every loaf every crumb shot I post is a love letter to fermentation. Oven at 250 &lt;3",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000166",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001306635"
          ],
          "editableUntil": "2019-07-09T17:42:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "10",
      "id_str": "1100000000001306635",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001306635",
      "created_at": "Tue Jul 09 17:42:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001298716"
          ],
          "editableUntil": "2019-07-08T23:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/8ca1f99ab8",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "92",
              "115"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "115"
      ],
      "favorite_count": "8",
      "id_str": "1100000000001298716",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001298716",
      "created_at": "Mon Jul 08 23:21:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf every crumb shot I post is a love letter to fermentation. Flour &gt; everything. https://t.co/8ca1f99ab8",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001290797"
          ],
          "editableUntil": "2019-07-08T04:04:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "26",
      "id_str": "1100000000001290797",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001290797",
      "created_at": "Mon Jul 08 04:04:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven you can tell a baker's mood by how hard they slap the dough. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001282878"
          ],
          "editableUntil": "2019-07-07T09:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "36",
      "id_str": "1100000000001282878",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001282878",
      "created_at": "Sun Jul 07 09:19:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: you can tell a baker's mood by how hard they slap the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001274959"
          ],
          "editableUntil": "2019-07-06T14:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "83",
              "93"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "93"
      ],
      "favorite_count": "24",
      "id_str": "1100000000001274959",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001274959",
      "created_at": "Sat Jul 06 14:19:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven the crust sings when it cools, a crackle like rain on a tin roof. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001267040"
          ],
          "editableUntil": "2019-07-05T19:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "120"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001267040",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001267040",
      "created_at": "Fri Jul 05 19:05:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is you can tell a baker's mood by how hard they slap the dough. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001259121"
          ],
          "editableUntil": "2019-07-05T00:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "118"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001259121",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001259121",
      "created_at": "Fri Jul 05 00:28:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: a small shop by the river where the bread is still warm when the trams start running. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001251202"
          ],
          "editableUntil": "2019-07-04T04:52:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "17",
      "id_str": "1100000000001251202",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001251202",
      "created_at": "Thu Jul 04 04:52:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned the moon is the only customer who never complains about the queue. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001243283"
          ],
          "editableUntil": "2019-07-03T09:38:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "21",
      "id_str": "1100000000001243283",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001243283",
      "created_at": "Wed Jul 03 09:38:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001235364"
          ],
          "editableUntil": "2019-07-02T15:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "115",
              "125"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "22",
      "id_str": "1100000000001235364",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001235364",
      "created_at": "Tue Jul 02 15:06:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the first loaf out of the oven always belongs to the night bus driver. &amp; yes, I ate the heel. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001227445"
          ],
          "editableUntil": "2019-07-01T19:48:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "107"
      ],
      "favorite_count": "16",
      "id_str": "1100000000001227445",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001227445",
      "created_at": "Mon Jul 01 19:48:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the proofing basket is the only bed in this building that nobody argues about. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001219526"
          ],
          "editableUntil": "2019-07-01T00:55:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "146"
      ],
      "favorite_count": "21",
      "id_str": "1100000000001219526",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001219526",
      "created_at": "Mon Jul 01 00:55:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom honestly the best part of the night shift is a quiet oven at four in the morning is the loudest sound in the world. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000154",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001211607"
          ],
          "editableUntil": "2019-06-30T05:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/255d0f5f14",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "113",
              "136"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "136"
      ],
      "favorite_count": "14",
      "id_str": "1100000000001211607",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001211607",
      "created_at": "Sun Jun 30 05:59:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like that patience is an ingredient you cannot buy, only borrow from the dough. More tomorrow. https://t.co/255d0f5f14",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001203688"
          ],
          "editableUntil": "2019-06-29T10:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "85"
      ],
      "favorite_count": "2",
      "id_str": "1100000000001203688",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001203688",
      "created_at": "Sat Jun 29 10:37:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the rye needs another hour and so, honestly, do I. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001195769"
          ],
          "editableUntil": "2019-06-28T16:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "132",
              "142"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/575f8d812b",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "108",
              "131"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "142"
      ],
      "favorite_count": "22",
      "id_str": "1100000000001195769",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001195769",
      "created_at": "Fri Jun 28 16:10:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven hydration levels are a personality trait and mine is seventy eight percent. More tomorrow. https://t.co/575f8d812b #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001187850"
          ],
          "editableUntil": "2019-06-27T21:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "17",
      "id_str": "1100000000001187850",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001187850",
      "created_at": "Thu Jun 27 21:16:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned the crust sings when it cools, a crackle like rain on a tin roof. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001179931"
          ],
          "editableUntil": "2019-06-27T02:23:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/4962be6be8",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "83",
              "106"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "35",
      "id_str": "1100000000001179931",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001179931",
      "created_at": "Thu Jun 27 02:23:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the scale says five hundred grams but my heart says a little bit more. https://t.co/4962be6be8",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001172012"
          ],
          "editableUntil": "2019-06-26T06:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "34",
      "id_str": "1100000000001172012",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001172012",
      "created_at": "Wed Jun 26 06:51:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine croissants salt, water, flour and time, and somehow the result is a whole morning.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000148",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001164093"
          ],
          "editableUntil": "2019-06-25T12:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "34",
      "id_str": "1100000000001164093",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001164093",
      "created_at": "Tue Jun 25 12:03:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001156174"
          ],
          "editableUntil": "2019-06-24T17:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "83"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001156174",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001156174",
      "created_at": "Mon Jun 24 17:03:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the moon is the only customer who never complains about the queue.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001148255"
          ],
          "editableUntil": "2019-06-23T22:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001148255",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001148255",
      "created_at": "Sun Jun 23 22:18:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the scale says five hundred grams but my heart says a little bit more. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001140336"
          ],
          "editableUntil": "2019-06-23T02:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "21",
      "id_str": "1100000000001140336",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001140336",
      "created_at": "Sun Jun 23 02:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants a small shop by the river where the bread is still warm when the trams start running. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001132417"
          ],
          "editableUntil": "2019-06-22T07:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/4edee8ab2c",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "120",
              "143"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "143"
      ],
      "favorite_count": "25",
      "id_str": "1100000000001132417",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001132417",
      "created_at": "Sat Jun 22 07:37:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the proofing basket is the only bed in this building that nobody argues about. Ask me anything about rye. https://t.co/4edee8ab2c",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001124498"
          ],
          "editableUntil": "2019-06-21T13:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/ca1c1fbcd3",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "89",
              "112"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "37",
      "id_str": "1100000000001124498",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001124498",
      "created_at": "Fri Jun 21 13:24:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: cinnamon rolls are an apology the whole street accepts. Goodnight, bakers. https://t.co/ca1c1fbcd3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001116579"
          ],
          "editableUntil": "2019-06-20T18:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "2",
      "id_str": "1100000000001116579",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001116579",
      "created_at": "Thu Jun 20 18:01:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana i keep thinking the rye needs another hour and so, honestly, do I. Ask me anything about rye.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000141",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001108660"
          ],
          "editableUntil": "2019-06-19T23:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "130"
      ],
      "favorite_count": "39",
      "id_str": "1100000000001108660",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001108660",
      "created_at": "Wed Jun 19 23:27:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and kneading is just a conversation with your hands that nobody else can hear. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001100741"
          ],
          "editableUntil": "2019-06-19T03:55:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "6",
      "id_str": "1100000000001100741",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000001100741",
      "created_at": "Wed Jun 19 03:55:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the first loaf out of the oven always belongs to the night bus driver.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001092822"
          ],
          "editableUntil": "2019-06-18T09:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001092822",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001092822",
      "created_at": "Tue Jun 18 09:25:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the rye needs another hour and so, honestly, do I. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001084903"
          ],
          "editableUntil": "2019-06-17T14:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "115"
      ],
      "favorite_count": "18",
      "id_str": "1100000000001084903",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001084903",
      "created_at": "Mon Jun 17 14:09:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like the crust sings when it cools, a crackle like rain on a tin roof. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001076984"
          ],
          "editableUntil": "2019-06-16T19:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "82"
      ],
      "favorite_count": "20",
      "id_str": "1100000000001076984",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001076984",
      "created_at": "Sun Jun 16 19:27:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter flour gets everywhere, in my hair, my shoes, my dreams. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001069065"
          ],
          "editableUntil": "2019-06-15T23:39:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "10"
      ],
      "favorite_count": "33",
      "id_str": "1100000000001069065",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001069065",
      "created_at": "Sat Jun 15 23:39:00 +0000 2019",
      "favorited": false,
      "full_text": "#sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001061146"
          ],
          "editableUntil": "2019-06-15T04:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "93"
      ],
      "favorite_count": "2",
      "id_str": "1100000000001061146",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000001061146",
      "created_at": "Sat Jun 15 04:46:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy rye bread hydration levels are a personality trait and mine is seventy eight percent.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000134",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001053227"
          ],
          "editableUntil": "2019-06-14T10:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "23",
      "id_str": "1100000000001053227",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001053227",
      "created_at": "Fri Jun 14 10:22:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the crust sings when it cools, a crackle like rain on a tin roof. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001045308"
          ],
          "editableUntil": "2019-06-13T15:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "9",
      "id_str": "1100000000001045308",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001045308",
      "created_at": "Thu Jun 13 15:09:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the proofing basket is the only bed in this building that nobody argues about. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001037389"
          ],
          "editableUntil": "2019-06-12T20:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "107"
      ],
      "favorite_count": "32",
      "id_str": "1100000000001037389",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000001037389",
      "created_at": "Wed Jun 12 20:03:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the scale says five hundred grams but my heart says a little bit more. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001029470"
          ],
          "editableUntil": "2019-06-12T00:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "28",
      "id_str": "1100000000001029470",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000001029470",
      "created_at": "Wed Jun 12 00:58:00 +0000 2019",
      "favorited": false,
      "full_text": "bread.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001021551"
          ],
          "editableUntil": "2019-06-11T05:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "67"
      ],
      "favorite_count": "6",
      "id_str": "1100000000001021551",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000001021551",
      "created_at": "Tue Jun 11 05:37:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001013632"
          ],
          "editableUntil": "2019-06-10T10:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "39",
      "id_str": "1100000000001013632",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001013632",
      "created_at": "Mon Jun 10 10:36:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf you can tell a baker's mood by how hard they slap the dough. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000001005713"
          ],
          "editableUntil": "2019-06-09T15:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "151"
      ],
      "favorite_count": "3",
      "id_str": "1100000000001005713",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000001005713",
      "created_at": "Sun Jun 09 15:59:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana honestly the best part of the night shift is hydration levels are a personality trait and mine is seventy eight percent. More tomorrow.",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000127",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000997794"
          ],
          "editableUntil": "2019-06-08T20:55:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000997794",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000997794",
      "created_at": "Sat Jun 08 20:55:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the proofing basket is the only bed in this building that nobody argues about. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000989875"
          ],
          "editableUntil": "2019-06-08T01:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "25",
      "id_str": "1100000000000989875",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000989875",
      "created_at": "Sat Jun 08 01:53:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned I burned the baguettes again because I was watching the snow fall. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000981956"
          ],
          "editableUntil": "2019-06-07T07:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000981956",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000981956",
      "created_at": "Fri Jun 07 07:10:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me you can tell a baker's mood by how hard they slap the dough. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000974037"
          ],
          "editableUntil": "2019-06-06T12:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "5"
      ],
      "favorite_count": "31",
      "id_str": "1100000000000974037",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000974037",
      "created_at": "Thu Jun 06 12:18:00 +0000 2019",
      "favorited": false,
      "full_text": "ok ok",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000966118"
          ],
          "editableUntil": "2019-06-05T17:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "15",
      "id_str": "1100000000000966118",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000966118",
      "created_at": "Wed Jun 05 17:03:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven flour gets everywhere, in my hair, my shoes, my dreams. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000958199"
          ],
          "editableUntil": "2019-06-04T22:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "102",
              "112"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "19",
      "id_str": "1100000000000958199",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000958199",
      "created_at": "Tue Jun 04 22:21:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the moon is the only customer who never complains about the queue. Goodnight, bakers. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000950280"
          ],
          "editableUntil": "2019-06-04T02:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/b2eee9428a",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "101",
              "124"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "25",
      "id_str": "1100000000000950280",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000950280",
      "created_at": "Tue Jun 04 02:58:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy at 3am the flour hydration levels are a personality trait and mine is seventy eight percent. https://t.co/b2eee9428a",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000120",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000942361"
          ],
          "editableUntil": "2019-06-03T08:11:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "15",
      "id_str": "1100000000000942361",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000942361",
      "created_at": "Mon Jun 03 08:11:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me you can tell a baker's mood by how hard they slap the dough. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000934442"
          ],
          "editableUntil": "2019-06-02T13:14:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "32",
      "id_str": "1100000000000934442",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000934442",
      "created_at": "Sun Jun 02 13:14:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and I burned the baguettes again because I was watching the snow fall.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000926523"
          ],
          "editableUntil": "2019-06-01T18:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "31",
      "id_str": "1100000000000926523",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000926523",
      "created_at": "Sat Jun 01 18:01:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf butter folded seventeen times is a kind of poetry that you can eat. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000918604"
          ],
          "editableUntil": "2019-05-31T23:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "10",
      "id_str": "1100000000000918604",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000918604",
      "created_at": "Fri May 31 23:27:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the scale says five hundred grams but my heart says a little bit more. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000910685"
          ],
          "editableUntil": "2019-05-31T04:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "7",
      "id_str": "1100000000000910685",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000910685",
      "created_at": "Fri May 31 04:29:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000902766"
          ],
          "editableUntil": "2019-05-30T09:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "33",
      "id_str": "1100000000000902766",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000902766",
      "created_at": "Thu May 30 09:18:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the proofing basket is the only bed in this building that nobody argues about. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000894847"
          ],
          "editableUntil": "2019-05-29T14:15:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "34",
      "id_str": "1100000000000894847",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000894847",
      "created_at": "Wed May 29 14:15:00 +0000 2019",
      "favorited": false,
      "full_text": "At 3am the flour the first loaf out of the oven always belongs to the night bus driver. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000886928"
          ],
          "editableUntil": "2019-05-28T19:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/3570108021",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "93",
              "116"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "25",
      "id_str": "1100000000000886928",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000886928",
      "created_at": "Tue May 28 19:00:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the scale says five hundred grams but my heart says a little bit more. https://t.co/3570108021",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000879009"
          ],
          "editableUntil": "2019-05-28T00:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "35",
      "id_str": "1100000000000879009",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000879009",
      "created_at": "Tue May 28 00:24:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the scale says five hundred grams but my heart says a little bit more. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000871090"
          ],
          "editableUntil": "2019-05-27T04:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "4"
      ],
      "favorite_count": "17",
      "id_str": "1100000000000871090",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000871090",
      "created_at": "Mon May 27 04:36:00 +0000 2019",
      "favorited": false,
      "full_text": "yes.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000863171"
          ],
          "editableUntil": "2019-05-26T09:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "29",
      "id_str": "1100000000000863171",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000863171",
      "created_at": "Sun May 26 09:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and you can tell a baker's mood by how hard they slap the dough.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000855252"
          ],
          "editableUntil": "2019-05-25T15:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "36",
      "id_str": "1100000000000855252",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000855252",
      "created_at": "Sat May 25 15:07:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the scale says five hundred grams but my heart says a little bit more. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000847333"
          ],
          "editableUntil": "2019-05-24T19:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "14",
      "id_str": "1100000000000847333",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000847333",
      "created_at": "Fri May 24 19:51:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter that patience is an ingredient you cannot buy, only borrow from the dough.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000839414"
          ],
          "editableUntil": "2019-05-24T01:25:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "12",
      "id_str": "1100000000000839414",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000839414",
      "created_at": "Fri May 24 01:25:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000831495"
          ],
          "editableUntil": "2019-05-23T05:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "7",
      "id_str": "1100000000000831495",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000831495",
      "created_at": "Thu May 23 05:31:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom sourdough taught me kneading is just a conversation with your hands that nobody else can hear. Crumb shot later.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000105",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000823576"
          ],
          "editableUntil": "2019-05-22T11:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "124"
      ],
      "favorite_count": "24",
      "id_str": "1100000000000823576",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000823576",
      "created_at": "Wed May 22 11:26:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed tonight the oven salt, water, flour and time, and somehow the result is a whole morning. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000104",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000815657"
          ],
          "editableUntil": "2019-05-21T15:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "67"
      ],
      "favorite_count": "5",
      "id_str": "1100000000000815657",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000815657",
      "created_at": "Tue May 21 15:47:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000807738"
          ],
          "editableUntil": "2019-05-20T21:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "29",
      "id_str": "1100000000000807738",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000807738",
      "created_at": "Mon May 20 21:17:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine i keep thinking butter folded seventeen times is a kind of poetry that you can eat. Back to the oven.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000102",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000799819"
          ],
          "editableUntil": "2019-05-20T01:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "34",
      "id_str": "1100000000000799819",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000799819",
      "created_at": "Mon May 20 01:51:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter a quiet oven at four in the morning is the loudest sound in the world. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000791900"
          ],
          "editableUntil": "2019-05-19T06:54:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "134",
              "144"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "144"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000791900",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000791900",
      "created_at": "Sun May 19 06:54:00 +0000 2019",
      "favorited": false,
      "full_text": "Honestly the best part of the night shift is the first loaf out of the oven always belongs to the night bus driver. Back to the oven. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000783981"
          ],
          "editableUntil": "2019-05-18T11:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "37",
      "id_str": "1100000000000783981",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000783981",
      "created_at": "Sat May 18 11:33:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000776062"
          ],
          "editableUntil": "2019-05-17T17:05:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "66"
      ],
      "favorite_count": "2",
      "id_str": "1100000000000776062",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000776062",
      "created_at": "Fri May 17 17:05:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000768143"
          ],
          "editableUntil": "2019-05-16T21:54:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "33",
      "id_str": "1100000000000768143",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000768143",
      "created_at": "Thu May 16 21:54:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @nightbus_ed: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000760224"
          ],
          "editableUntil": "2019-05-16T03:18:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "30",
      "id_str": "1100000000000760224",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000760224",
      "created_at": "Thu May 16 03:18:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants the scale says five hundred grams but my heart says a little bit more.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000752305"
          ],
          "editableUntil": "2019-05-15T07:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "27",
      "id_str": "1100000000000752305",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000752305",
      "created_at": "Wed May 15 07:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven caraway seeds remind me of winters at my grandmother's kitchen table. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000744386"
          ],
          "editableUntil": "2019-05-14T13:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "10",
      "id_str": "1100000000000744386",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000744386",
      "created_at": "Tue May 14 13:17:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the scale says five hundred grams but my heart says a little bit more. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000736467"
          ],
          "editableUntil": "2019-05-13T17:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "134"
      ],
      "favorite_count": "19",
      "id_str": "1100000000000736467",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000736467",
      "created_at": "Mon May 13 17:57:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and the proofing basket is the only bed in this building that nobody argues about. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000728548"
          ],
          "editableUntil": "2019-05-12T22:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "0",
              "7"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "82"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000728548",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000728548",
      "created_at": "Sun May 12 22:37:00 +0000 2019",
      "favorited": false,
      "full_text": "@ryeguy at 3am the flour every crumb shot I post is a love letter to fermentation.",
      "lang": "en",
      "in_reply_to_screen_name": "ryeguy",
      "in_reply_to_status_id_str": "1000000000000000092",
      "in_reply_to_user_id_str": "10001"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000720629"
          ],
          "editableUntil": "2019-05-12T04:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "9",
      "id_str": "1100000000000720629",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000720629",
      "created_at": "Sun May 12 04:19:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said kneading is just a conversation with your hands that nobody else can hear.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000712710"
          ],
          "editableUntil": "2019-05-11T08:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "36",
      "id_str": "1100000000000712710",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000712710",
      "created_at": "Sat May 11 08:53:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like flour gets everywhere, in my hair, my shoes, my dreams. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000704791"
          ],
          "editableUntil": "2019-05-10T14:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "92",
              "102"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "9",
      "id_str": "1100000000000704791",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000704791",
      "created_at": "Fri May 10 14:10:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking hydration levels are a personality trait and mine is seventy eight percent. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000696872"
          ],
          "editableUntil": "2019-05-09T18:55:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "69"
      ],
      "favorite_count": "3",
      "id_str": "1100000000000696872",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000696872",
      "created_at": "Thu May 09 18:55:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: cinnamon rolls are an apology the whole street accepts.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000688953"
          ],
          "editableUntil": "2019-05-08T23:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000688953",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000688953",
      "created_at": "Wed May 08 23:50:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter kneading is just a conversation with your hands that nobody else can hear. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000681034"
          ],
          "editableUntil": "2019-05-08T04:54:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000681034",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000681034",
      "created_at": "Wed May 08 04:54:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me salt, water, flour and time, and somehow the result is a whole morning. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000673115"
          ],
          "editableUntil": "2019-05-07T09:48:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "11",
      "id_str": "1100000000000673115",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000673115",
      "created_at": "Tue May 07 09:48:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like cinnamon rolls are an apology the whole street accepts. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000665196"
          ],
          "editableUntil": "2019-05-06T15:20:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "101"
      ],
      "favorite_count": "26",
      "id_str": "1100000000000665196",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000665196",
      "created_at": "Mon May 06 15:20:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter kneading is just a conversation with your hands that nobody else can hear. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000657277"
          ],
          "editableUntil": "2019-05-05T20:03:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000657277",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000657277",
      "created_at": "Sun May 05 20:03:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @tinroof_tom: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000649358"
          ],
          "editableUntil": "2019-05-05T01:26:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "135"
      ],
      "favorite_count": "28",
      "id_str": "1100000000000649358",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000649358",
      "created_at": "Sun May 05 01:26:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and caraway seeds remind me of winters at my grandmother's kitchen table. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000641439"
          ],
          "editableUntil": "2019-05-04T05:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "135"
      ],
      "favorite_count": "24",
      "id_str": "1100000000000641439",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000641439",
      "created_at": "Sat May 04 05:53:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom rye bread a small shop by the river where the bread is still warm when the trams start running. Ask me anything about rye.",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000081",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000633520"
          ],
          "editableUntil": "2019-05-03T10:49:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000633520",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000633520",
      "created_at": "Fri May 03 10:49:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like the moon is the only customer who never complains about the queue. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000625601"
          ],
          "editableUntil": "2019-05-02T16:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000625601",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000625601",
      "created_at": "Thu May 02 16:06:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the first loaf out of the oven always belongs to the night bus driver.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000617682"
          ],
          "editableUntil": "2019-05-01T20:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "30",
      "id_str": "1100000000000617682",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000617682",
      "created_at": "Wed May 01 20:44:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like a quiet oven at four in the morning is the loudest sound in the world. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000609763"
          ],
          "editableUntil": "2019-05-01T02:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000609763",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000609763",
      "created_at": "Wed May 01 02:01:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants the proofing basket is the only bed in this building that nobody argues about.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000601844"
          ],
          "editableUntil": "2019-04-30T06:52:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "35",
      "id_str": "1100000000000601844",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000601844",
      "created_at": "Tue Apr 30 06:52:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me kneading is just a conversation with your hands that nobody else can hear.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000593925"
          ],
          "editableUntil": "2019-04-29T12:14:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "6"
      ],
      "favorite_count": "8",
      "id_str": "1100000000000593925",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000593925",
      "created_at": "Mon Apr 29 12:14:00 +0000 2019",
      "favorited": false,
      "full_text": "bread.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000586006"
          ],
          "editableUntil": "2019-04-28T17:10:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "117"
      ],
      "favorite_count": "24",
      "id_str": "1100000000000586006",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000586006",
      "created_at": "Sun Apr 28 17:10:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed my dream is hydration levels are a personality trait and mine is seventy eight percent. The bread knows.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000074",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000578087"
          ],
          "editableUntil": "2019-04-27T21:35:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "68"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000578087",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000578087",
      "created_at": "Sat Apr 27 21:35:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000570168"
          ],
          "editableUntil": "2019-04-27T03:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/3e692c5431",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "88",
              "111"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "1",
      "id_str": "1100000000000570168",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000570168",
      "created_at": "Sat Apr 27 03:12:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter every crumb shot I post is a love letter to fermentation. Crumb shot later. https://t.co/3e692c5431",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000562249"
          ],
          "editableUntil": "2019-04-26T08:09:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/c1170ac66d",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "80",
              "103"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "103"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000562249",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000562249",
      "created_at": "Fri Apr 26 08:09:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while every crumb shot I post is a love letter to fermentation. https://t.co/c1170ac66d",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000554330"
          ],
          "editableUntil": "2019-04-25T13:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "104",
              "114"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "2",
      "id_str": "1100000000000554330",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000554330",
      "created_at": "Thu Apr 25 13:24:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf the crust sings when it cools, a crackle like rain on a tin roof. &amp; yes, I ate the heel. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000546411"
          ],
          "editableUntil": "2019-04-24T17:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "30",
      "id_str": "1100000000000546411",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000546411",
      "created_at": "Wed Apr 24 17:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me the crust sings when it cools, a crackle like rain on a tin roof. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000538492"
          ],
          "editableUntil": "2019-04-23T22:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "25",
      "id_str": "1100000000000538492",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000538492",
      "created_at": "Tue Apr 23 22:41:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter flour gets everywhere, in my hair, my shoes, my dreams. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000530573"
          ],
          "editableUntil": "2019-04-23T03:56:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "28",
      "id_str": "1100000000000530573",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000530573",
      "created_at": "Tue Apr 23 03:56:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the scale says five hundred grams but my heart says a little bit more. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000522654"
          ],
          "editableUntil": "2019-04-22T08:40:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "81",
              "91"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "91"
      ],
      "favorite_count": "36",
      "id_str": "1100000000000522654",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000522654",
      "created_at": "Mon Apr 22 08:40:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the rye needs another hour and so, honestly, do I. Back to the oven. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000514735"
          ],
          "editableUntil": "2019-04-21T14:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "120"
      ],
      "favorite_count": "1",
      "id_str": "1100000000000514735",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000514735",
      "created_at": "Sun Apr 21 14:08:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like that patience is an ingredient you cannot buy, only borrow from the dough. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000506816"
          ],
          "editableUntil": "2019-04-20T18:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "20",
      "id_str": "1100000000000506816",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000506816",
      "created_at": "Sat Apr 20 18:41:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants I burned the baguettes again because I was watching the snow fall. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000498897"
          ],
          "editableUntil": "2019-04-20T00:06:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "28",
      "id_str": "1100000000000498897",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000498897",
      "created_at": "Sat Apr 20 00:06:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000490978"
          ],
          "editableUntil": "2019-04-19T05:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/49d0ec1116",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "102",
              "125"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000490978",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000490978",
      "created_at": "Fri Apr 19 05:21:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is that patience is an ingredient you cannot buy, only borrow from the dough. More tomorrow. https://t.co/49d0ec1116",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000483059"
          ],
          "editableUntil": "2019-04-18T10:17:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "113",
              "123"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "0",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "32",
      "id_str": "1100000000000483059",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000483059",
      "created_at": "Thu Apr 18 10:17:00 +0000 2019",
      "favorited": false,
      "full_text": "@flourpower_ana every loaf the scale says five hundred grams but my heart says a little bit more. More tomorrow. #sourdough",
      "lang": "en",
      "in_reply_to_screen_name": "flourpower_ana",
      "in_reply_to_status_id_str": "1000000000000000061",
      "in_reply_to_user_id_str": "10002"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000475140"
          ],
          "editableUntil": "2019-04-17T15:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/2d90a69a15",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "123",
              "146"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "146"
      ],
      "favorite_count": "23",
      "id_str": "1100000000000475140",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000475140",
      "created_at": "Wed Apr 17 15:24:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine my grandmother said a quiet oven at four in the morning is the loudest sound in the world. Goodnight, bakers. https://t.co/2d90a69a15",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000060",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000467221"
          ],
          "editableUntil": "2019-04-16T20:07:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/91185b2bd8",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "100",
              "123"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "28",
      "id_str": "1100000000000467221",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000467221",
      "created_at": "Tue Apr 16 20:07:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned I burned the baguettes again because I was watching the snow fall. The bread knows. https://t.co/91185b2bd8",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000459302"
          ],
          "editableUntil": "2019-04-16T00:31:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "116"
      ],
      "favorite_count": "21",
      "id_str": "1100000000000459302",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000459302",
      "created_at": "Tue Apr 16 00:31:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while salt, water, flour and time, and somehow the result is a whole morning. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000451383"
          ],
          "editableUntil": "2019-04-15T06:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "35",
      "id_str": "1100000000000451383",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000451383",
      "created_at": "Mon Apr 15 06:16:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants a small shop by the river where the bread is still warm when the trams start running. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000443464"
          ],
          "editableUntil": "2019-04-14T11:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "13",
      "id_str": "1100000000000443464",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000443464",
      "created_at": "Sun Apr 14 11:22:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the moon is the only customer who never complains about the queue. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000435545"
          ],
          "editableUntil": "2019-04-13T16:00:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "83"
      ],
      "favorite_count": "4",
      "id_str": "1100000000000435545",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000435545",
      "created_at": "Sat Apr 13 16:00:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter my sourdough starter Gerald is older than my car and twice as reliable.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000427626"
          ],
          "editableUntil": "2019-04-12T20:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "130"
      ],
      "favorite_count": "27",
      "id_str": "1100000000000427626",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000427626",
      "created_at": "Fri Apr 12 20:41:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and kneading is just a conversation with your hands that nobody else can hear. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000419707"
          ],
          "editableUntil": "2019-04-12T01:58:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "24",
      "id_str": "1100000000000419707",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000419707",
      "created_at": "Fri Apr 12 01:58:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf I burned the baguettes again because I was watching the snow fall.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000411788"
          ],
          "editableUntil": "2019-04-11T07:22:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "33",
      "id_str": "1100000000000411788",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000411788",
      "created_at": "Thu Apr 11 07:22:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned hydration levels are a personality trait and mine is seventy eight percent. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000403869"
          ],
          "editableUntil": "2019-04-10T11:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "4",
      "id_str": "1100000000000403869",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000403869",
      "created_at": "Wed Apr 10 11:57:00 +0000 2019",
      "favorited": false,
      "full_text": "My dream is every crumb shot I post is a love letter to fermentation. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000395950"
          ],
          "editableUntil": "2019-04-09T17:27:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "115"
      ],
      "favorite_count": "34",
      "id_str": "1100000000000395950",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000395950",
      "created_at": "Tue Apr 09 17:27:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven salt, water, flour and time, and somehow the result is a whole morning. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000388031"
          ],
          "editableUntil": "2019-04-08T22:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "10",
      "id_str": "1100000000000388031",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000388031",
      "created_at": "Mon Apr 08 22:21:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said the first loaf out of the oven always belongs to the night bus driver. Flour &gt; everything.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000380112"
          ],
          "editableUntil": "2019-04-08T02:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "83"
      ],
      "favorite_count": "33",
      "id_str": "1100000000000380112",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000380112",
      "created_at": "Mon Apr 08 02:45:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the rye needs another hour and so, honestly, do I. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000372193"
          ],
          "editableUntil": "2019-04-07T07:40:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "20",
      "id_str": "1100000000000372193",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000372193",
      "created_at": "Sun Apr 07 07:40:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said a small shop by the river where the bread is still warm when the trams start running. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000364274"
          ],
          "editableUntil": "2019-04-06T13:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "98"
      ],
      "favorite_count": "36",
      "id_str": "1100000000000364274",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000364274",
      "created_at": "Sat Apr 06 13:21:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants caraway seeds remind me of winters at my grandmother's kitchen table. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000356355"
          ],
          "editableUntil": "2019-04-05T17:41:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "2",
      "id_str": "1100000000000356355",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000356355",
      "created_at": "Fri Apr 05 17:41:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the first loaf out of the oven always belongs to the night bus driver.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000348436"
          ],
          "editableUntil": "2019-04-04T23:08:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/15fbb76944",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "109",
              "132"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "132"
      ],
      "favorite_count": "38",
      "id_str": "1100000000000348436",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000348436",
      "created_at": "Thu Apr 04 23:08:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while caraway seeds remind me of winters at my grandmother's kitchen table. The bread knows. https://t.co/15fbb76944",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000340517"
          ],
          "editableUntil": "2019-04-04T03:45:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "95"
      ],
      "favorite_count": "35",
      "id_str": "1100000000000340517",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000340517",
      "created_at": "Thu Apr 04 03:45:00 +0000 2019",
      "favorited": false,
      "full_text": "Every loaf caraway seeds remind me of winters at my grandmother's kitchen table. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000332598"
          ],
          "editableUntil": "2019-04-03T09:15:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "88"
      ],
      "favorite_count": "8",
      "id_str": "1100000000000332598",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000332598",
      "created_at": "Wed Apr 03 09:15:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine my grandmother said flour gets everywhere, in my hair, my shoes, my dreams.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000042",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000324679"
          ],
          "editableUntil": "2019-04-02T14:01:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "103"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000324679",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000324679",
      "created_at": "Tue Apr 02 14:01:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned you can tell a baker's mood by how hard they slap the dough. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000316760"
          ],
          "editableUntil": "2019-04-01T18:56:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "26",
      "id_str": "1100000000000316760",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000316760",
      "created_at": "Mon Apr 01 18:56:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the first loaf out of the oven always belongs to the night bus driver. Oven at 250 &lt;3",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000308841"
          ],
          "editableUntil": "2019-03-31T23:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "103",
              "113"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "34",
      "id_str": "1100000000000308841",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000308841",
      "created_at": "Sun Mar 31 23:53:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: my sourdough starter Gerald is older than my car and twice as reliable. The bread knows. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000300922"
          ],
          "editableUntil": "2019-03-31T04:44:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/88b3737f38",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "99",
              "122"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "122"
      ],
      "favorite_count": "20",
      "id_str": "1100000000000300922",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000300922",
      "created_at": "Sun Mar 31 04:44:00 +0000 2019",
      "favorited": false,
      "full_text": "@tinroof_tom the starter flour gets everywhere, in my hair, my shoes, my dreams. Back to the oven. https://t.co/88b3737f38",
      "lang": "en",
      "in_reply_to_screen_name": "tinroof_tom",
      "in_reply_to_status_id_str": "1000000000000000038",
      "in_reply_to_user_id_str": "10004"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000293003"
          ],
          "editableUntil": "2019-03-30T10:28:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "26",
      "id_str": "1100000000000293003",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000293003",
      "created_at": "Sat Mar 30 10:28:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven the rye needs another hour and so, honestly, do I. The bread knows.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000285084"
          ],
          "editableUntil": "2019-03-29T14:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "8",
      "id_str": "1100000000000285084",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000285084",
      "created_at": "Fri Mar 29 14:34:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking butter folded seventeen times is a kind of poetry that you can eat. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000277165"
          ],
          "editableUntil": "2019-03-28T20:20:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "68"
      ],
      "favorite_count": "26",
      "id_str": "1100000000000277165",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000277165",
      "created_at": "Thu Mar 28 20:20:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: fermentation is just time doing the work for you",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000269246"
          ],
          "editableUntil": "2019-03-28T01:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/6d2854b0cc",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "91",
              "114"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "114"
      ],
      "favorite_count": "15",
      "id_str": "1100000000000269246",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000269246",
      "created_at": "Thu Mar 28 01:19:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned that patience is an ingredient you cannot buy, only borrow from the dough. https://t.co/6d2854b0cc",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000261327"
          ],
          "editableUntil": "2019-03-27T05:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/9f8da3a592",
            "expanded_url": "https://example.com/blog/starter-gerald",
            "display_url": "example.com/blog/starter-gerald",
            "indices": [
              "81",
              "104"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "33",
      "id_str": "1100000000000261327",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000261327",
      "created_at": "Wed Mar 27 05:32:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread a quiet oven at four in the morning is the loudest sound in the world. https://t.co/9f8da3a592",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000253408"
          ],
          "editableUntil": "2019-03-26T10:40:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "89"
      ],
      "favorite_count": "38",
      "id_str": "1100000000000253408",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000253408",
      "created_at": "Tue Mar 26 10:40:00 +0000 2019",
      "favorited": false,
      "full_text": "My grandmother said caraway seeds remind me of winters at my grandmother's kitchen table.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000245489"
          ],
          "editableUntil": "2019-03-25T15:40:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "15",
      "id_str": "1100000000000245489",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000245489",
      "created_at": "Mon Mar 25 15:40:00 +0000 2019",
      "favorited": false,
      "full_text": "Sourdough taught me every crumb shot I post is a love letter to fermentation. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000237570"
          ],
          "editableUntil": "2019-03-24T20:46:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "163"
      ],
      "favorite_count": "36",
      "id_str": "1100000000000237570",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000237570",
      "created_at": "Sun Mar 24 20:46:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed honestly the best part of the night shift is the proofing basket is the only bed in this building that nobody argues about. Ask me anything about rye.",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000030",
      "in_reply_to_user_id_str": "10000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000229651"
          ],
          "editableUntil": "2019-03-24T02:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "4",
      "id_str": "1100000000000229651",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000229651",
      "created_at": "Sun Mar 24 02:12:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking the moon is the only customer who never complains about the queue. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000221732"
          ],
          "editableUntil": "2019-03-23T06:53:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "3"
      ],
      "favorite_count": "25",
      "id_str": "1100000000000221732",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000221732",
      "created_at": "Sat Mar 23 06:53:00 +0000 2019",
      "favorited": false,
      "full_text": "lol",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000213813"
          ],
          "editableUntil": "2019-03-22T11:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "15",
      "id_str": "1100000000000213813",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000213813",
      "created_at": "Fri Mar 22 11:47:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @tinroof_tom: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000205894"
          ],
          "editableUntil": "2019-03-21T16:42:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "20",
      "id_str": "1100000000000205894",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000205894",
      "created_at": "Thu Mar 21 16:42:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the crust sings when it cools, a crackle like rain on a tin roof. Ask me anything about rye.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000197975"
          ],
          "editableUntil": "2019-03-20T21:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "108"
      ],
      "favorite_count": "18",
      "id_str": "1100000000000197975",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000197975",
      "created_at": "Wed Mar 20 21:34:00 +0000 2019",
      "favorited": false,
      "full_text": "The starter the proofing basket is the only bed in this building that nobody argues about. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000190056"
          ],
          "editableUntil": "2019-03-20T02:43:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "118"
      ],
      "favorite_count": "23",
      "id_str": "1100000000000190056",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000190056",
      "created_at": "Wed Mar 20 02:43:00 +0000 2019",
      "favorited": false,
      "full_text": "@cafe_ondine the city sleeps while you can tell a baker's mood by how hard they slap the dough. Flour &gt; everything.",
      "lang": "en",
      "in_reply_to_screen_name": "cafe_ondine",
      "in_reply_to_status_id_str": "1000000000000000024",
      "in_reply_to_user_id_str": "10003"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000182137"
          ],
          "editableUntil": "2019-03-19T07:57:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "102"
      ],
      "favorite_count": "38",
      "id_str": "1100000000000182137",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000182137",
      "created_at": "Tue Mar 19 07:57:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned my sourdough starter Gerald is older than my car and twice as reliable. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000174218"
          ],
          "editableUntil": "2019-03-18T12:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "111",
              "121"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "121"
      ],
      "favorite_count": "25",
      "id_str": "1100000000000174218",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000174218",
      "created_at": "Mon Mar 18 12:33:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while salt, water, flour and time, and somehow the result is a whole morning. The bread knows. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000166299"
          ],
          "editableUntil": "2019-03-17T17:47:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "37",
      "id_str": "1100000000000166299",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000166299",
      "created_at": "Sun Mar 17 17:47:00 +0000 2019",
      "favorited": false,
      "full_text": "Note to self: the scale says five hundred grams but my heart says a little bit more.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000158380"
          ],
          "editableUntil": "2019-03-16T23:04:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "127"
      ],
      "favorite_count": "5",
      "id_str": "1100000000000158380",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000158380",
      "created_at": "Sat Mar 16 23:04:00 +0000 2019",
      "favorited": false,
      "full_text": "Somebody asked why I bake at night and a quiet oven at four in the morning is the loudest sound in the world. Crumb shot later.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000150461"
          ],
          "editableUntil": "2019-03-16T03:50:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/bc9a064357",
            "expanded_url": "https://example.com/photos/crumb",
            "display_url": "example.com/photos/crumb",
            "indices": [
              "83",
              "106"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "106"
      ],
      "favorite_count": "24",
      "id_str": "1100000000000150461",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000150461",
      "created_at": "Sat Mar 16 03:50:00 +0000 2019",
      "favorited": false,
      "full_text": "Tonight the oven the crust sings when it cools, a crackle like rain on a tin roof. https://t.co/bc9a064357",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000142542"
          ],
          "editableUntil": "2019-03-15T09:29:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "20"
      ],
      "favorite_count": "4",
      "id_str": "1100000000000142542",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000142542",
      "created_at": "Fri Mar 15 09:29:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed thanks!",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000134623"
          ],
          "editableUntil": "2019-03-14T13:51:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "3"
      ],
      "favorite_count": "39",
      "id_str": "1100000000000134623",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000134623",
      "created_at": "Thu Mar 14 13:51:00 +0000 2019",
      "favorited": false,
      "full_text": "lol",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000126704"
          ],
          "editableUntil": "2019-03-13T18:56:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "82"
      ],
      "favorite_count": "35",
      "id_str": "1100000000000126704",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000126704",
      "created_at": "Wed Mar 13 18:56:00 +0000 2019",
      "favorited": false,
      "full_text": "I keep thinking I burned the baguettes again because I was watching the snow fall.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000118785"
          ],
          "editableUntil": "2019-03-12T23:36:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "32",
      "id_str": "1100000000000118785",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000118785",
      "created_at": "Tue Mar 12 23:36:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the scale says five hundred grams but my heart says a little bit more. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000110866"
          ],
          "editableUntil": "2019-03-12T04:59:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "flourpower_ana",
            "name": "flourpower_ana",
            "indices": [
              "3",
              "18"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "27",
      "id_str": "1100000000000110866",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000110866",
      "created_at": "Tue Mar 12 04:59:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @flourpower_ana: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000102947"
          ],
          "editableUntil": "2019-03-11T10:21:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "tinroof_tom",
            "name": "tinroof_tom",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "20",
      "id_str": "1100000000000102947",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000102947",
      "created_at": "Mon Mar 11 10:21:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @tinroof_tom: the best bread in town is whatever comes out of the oven at dawn",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000095028"
          ],
          "editableUntil": "2019-03-10T15:16:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "3",
      "id_str": "1100000000000095028",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000095028",
      "created_at": "Sun Mar 10 15:16:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000087109"
          ],
          "editableUntil": "2019-03-09T19:42:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "96"
      ],
      "favorite_count": "20",
      "id_str": "1100000000000087109",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000087109",
      "created_at": "Sat Mar 09 19:42:00 +0000 2019",
      "favorited": false,
      "full_text": "The bakery smells like flour gets everywhere, in my hair, my shoes, my dreams. Back to the oven.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000079190"
          ],
          "editableUntil": "2019-03-09T00:37:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/7c362d72f9",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "82",
              "105"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "105"
      ],
      "favorite_count": "16",
      "id_str": "1100000000000079190",
      "truncated": false,
      "retweet_count": "5",
      "id": "1100000000000079190",
      "created_at": "Sat Mar 09 00:37:00 +0000 2019",
      "favorited": false,
      "full_text": "Croissants a quiet oven at four in the morning is the loudest sound in the world. https://t.co/7c362d72f9",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000071271"
          ],
          "editableUntil": "2019-03-08T05:32:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "66"
      ],
      "favorite_count": "18",
      "id_str": "1100000000000071271",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000071271",
      "created_at": "Fri Mar 08 05:32:00 +0000 2019",
      "favorited": false,
      "full_text": "Today I learned the rye needs another hour and so, honestly, do I.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000063352"
          ],
          "editableUntil": "2019-03-07T11:24:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "123"
      ],
      "favorite_count": "29",
      "id_str": "1100000000000063352",
      "truncated": false,
      "retweet_count": "3",
      "id": "1100000000000063352",
      "created_at": "Thu Mar 07 11:24:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while that patience is an ingredient you cannot buy, only borrow from the dough. &amp; yes, I ate the heel.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000055433"
          ],
          "editableUntil": "2019-03-06T15:39:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "111"
      ],
      "favorite_count": "9",
      "id_str": "1100000000000055433",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000055433",
      "created_at": "Wed Mar 06 15:39:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while that patience is an ingredient you cannot buy, only borrow from the dough. More tomorrow.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000047514"
          ],
          "editableUntil": "2019-03-05T20:43:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "10"
      ],
      "favorite_count": "7",
      "id_str": "1100000000000047514",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000047514",
      "created_at": "Tue Mar 05 20:43:00 +0000 2019",
      "favorited": false,
      "full_text": "good night",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000039595"
          ],
          "editableUntil": "2019-03-05T01:33:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "cafe_ondine",
            "name": "cafe_ondine",
            "indices": [
              "3",
              "15"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "4",
      "id_str": "1100000000000039595",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000039595",
      "created_at": "Tue Mar 05 01:33:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @cafe_ondine: new bakery opening on Canal Street this weekend, free samples for early birds",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000031676"
          ],
          "editableUntil": "2019-03-04T06:34:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "ryeguy",
            "name": "ryeguy",
            "indices": [
              "3",
              "10"
            ]
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "69"
      ],
      "favorite_count": "24",
      "id_str": "1100000000000031676",
      "truncated": false,
      "retweet_count": "1",
      "id": "1100000000000031676",
      "created_at": "Mon Mar 04 06:34:00 +0000 2019",
      "favorited": false,
      "full_text": "RT @ryeguy: reminder that the farmers market moves indoors next month",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000023757"
          ],
          "editableUntil": "2019-03-03T12:11:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "99"
      ],
      "favorite_count": "1",
      "id_str": "1100000000000023757",
      "truncated": false,
      "retweet_count": "4",
      "id": "1100000000000023757",
      "created_at": "Sun Mar 03 12:11:00 +0000 2019",
      "favorited": false,
      "full_text": "Rye bread the first loaf out of the oven always belongs to the night bus driver. Goodnight, bakers.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000015838"
          ],
          "editableUntil": "2019-03-02T17:12:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "115",
              "125"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "125"
      ],
      "favorite_count": "35",
      "id_str": "1100000000000015838",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000015838",
      "created_at": "Sat Mar 02 17:12:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the crust sings when it cools, a crackle like rain on a tin roof. &amp; yes, I ate the heel. #sourdough",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000007919"
          ],
          "editableUntil": "2019-03-01T22:11:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/80ca103be0",
            "expanded_url": "https://example.com/shop/hours",
            "display_url": "example.com/shop/hours",
            "indices": [
              "89",
              "112"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "112"
      ],
      "favorite_count": "15",
      "id_str": "1100000000000007919",
      "truncated": false,
      "retweet_count": "0",
      "id": "1100000000000007919",
      "created_at": "Fri Mar 01 22:11:00 +0000 2019",
      "favorited": false,
      "full_text": "The city sleeps while the moon is the only customer who never complains about the queue. https://t.co/80ca103be0",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1100000000000000000"
          ],
          "editableUntil": "2019-03-01T03:19:00+00:00",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "sourdough",
            "indices": [
              "142",
              "152"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [
          {
            "screen_name": "nightbus_ed",
            "name": "nightbus_ed",
            "indices": [
              "0",
              "12"
            ]
          }
        ],
        "urls": [
          {
            "url": "https://t.co/3c9f95ac96",
            "expanded_url": "https://example.com/recipes/rye",
            "display_url": "example.com/recipes/rye",
            "indices": [
              "118",
              "141"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "152"
      ],
      "favorite_count": "1",
      "id_str": "1100000000000000000",
      "truncated": false,
      "retweet_count": "2",
      "id": "1100000000000000000",
      "created_at": "Fri Mar 01 03:19:00 +0000 2019",
      "favorited": false,
      "full_text": "@nightbus_ed my dream is the crust sings when it cools, a crackle like rain on a tin roof. &amp; yes, I ate the heel. https://t.co/3c9f95ac96 #sourdough",
      "lang": "en",
      "in_reply_to_screen_name": "nightbus_ed",
      "in_reply_to_status_id_str": "1000000000000000000",
      "in_reply_to_user_id_str": "10000"
    }
  }
]
