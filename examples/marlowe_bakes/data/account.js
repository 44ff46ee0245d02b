window.YTD.account.part0 = [
  {
    "account": {
      "email": "",
      "createdVia": "web",
      "username": "marlowe_bakes",
      "accountId": "4242424242",
      "createdAt": "2019-03-02T04:05:06.000Z",
      "accountDisplayName": "Marlowe Quill"
    }
  }
]
