"""Is a hub base loadable here, and how: checked in seconds before any work.

Without a network the hub client retries for about 50 s before `from_pretrained` gives up, so a hub id
is checked first: in the local cache it loads from there (`local_files_only` when the hub cannot be
reached, so nothing waits on it); not cached, the hub endpoint (`HF_ENDPOINT`) is asked once with a short
timeout, and an unreachable hub, or `HF_HUB_OFFLINE=1`, is one line of bad input at once.
"""

from __future__ import annotations

import ssl
import urllib.error
import urllib.request

from training.bases import hub_snapshot_folder

PROBE_TIMEOUT = 3.0  # seconds: a reachable hub answers a HEAD well within this


class HubUnavailable(Exception):
    """A hub base that is not cached and cannot be downloaded now (bad input: one line)."""


def hub_reachable(endpoint: str, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether anything answers at `endpoint`: any HTTP status counts (the hub is there), and so does a
    TLS failure (something answered; the hub client, with its own certificates and proxy settings,
    may well get through); a refused or timed-out connection, or no DNS, does not."""
    try:
        urllib.request.urlopen(urllib.request.Request(endpoint, method="HEAD"), timeout=timeout).close()
    except urllib.error.HTTPError:
        return True
    except urllib.error.URLError as exc:
        return isinstance(exc.reason, ssl.SSLError)
    except ssl.SSLError:
        return True
    except (OSError, ValueError):  # timeouts, connection refused; ValueError: a bad URL
        return False
    return True


def check_hub_base(repo_id: str) -> bool:
    """For a hub id `--base`: True to load it with `local_files_only` (cached, the hub out of reach),
    False to load it normally; raise `HubUnavailable` when it can be neither loaded nor downloaded."""
    from huggingface_hub import constants  # reads HF_ENDPOINT and HF_HUB_OFFLINE as the loader will

    cached = hub_snapshot_folder(repo_id) is not None
    offline = constants.HF_HUB_OFFLINE
    if not offline and hub_reachable(constants.ENDPOINT):
        return False
    if cached:
        return True
    why = "HF_HUB_OFFLINE is set" if offline else f"the hub ({constants.ENDPOINT}) cannot be reached"
    raise HubUnavailable(
        f"base model {repo_id!r} is not in the local Hugging Face cache and {why}: train offline with "
        "--base tiny or a local save_pretrained folder, or download it once while online (then "
        "HF_HUB_OFFLINE=1 loads it from the cache without asking the hub)")
