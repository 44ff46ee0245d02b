window.__THAR_CONFIG = {
  "userInfo": {
    "accountId": "4242424242",
    "userName": "marlowe_bakes",
    "displayName": "Marlowe Quill"
  },
  "archiveInfo": {
    "sizeBytes": "0",
    "generationDate": "2024-05-01T00:00:00.000Z",
    "isPartialArchive": false
  },
  "dataTypes": {
    "tweets": {
      "files": [
        {
          "fileName": "data/tweets.js",
          "globalName": "YTD.tweets.part0",
          "count": "480"
        }
      ]
    }
  }
}
