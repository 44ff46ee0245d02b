window.YTD.profile.part0 = [
  {
    "profile": {
      "description": {
        "bio": "Night-shift baker. Flour, water, salt, time.",
        "website": "",
        "location": "Above the bakery"
      },
      "avatarMediaUrl": "https://pbs.twimg.com/profile_images/4242/loaf_400x400.png",
      "headerMediaUrl": ""
    }
  }
]
