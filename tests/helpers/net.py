"""Loopback ports for servers a test starts (the bot's health server, the generation service)."""

import socket


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
