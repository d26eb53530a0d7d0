"""Stdlib-only client of the E1 reward server (`pnpm serve`).

    from sv_reward_client import RewardClient
    client = RewardClient("http://127.0.0.1:8765")        # token: $SV_SERVER_TOKEN if set
    client.rewards(["{\"label\": \"Benign\", \"confidence\": 0.9}"], ["Benign"])   # -> [1.6]

As a command, `score` reads `eval score` input lines and writes `eval score` output lines:

    python3 sv_reward_client.py --url URL score < completions.jsonl
    python3 sv_reward_client.py --url URL prompts --split train --limit 100 > prompts.jsonl
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterable, Iterator, Sequence

__all__ = ["RewardClient", "RewardServerError"]

# The server answers one JSON body per request: batch items (1,024 is a good size) rather than
# sending one request per completion.
DEFAULT_BATCH_SIZE = 1024


class RewardServerError(Exception):
    """The server refused a request (4xx) or failed (5xx); `code` and `message` come from its body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


class RewardClient:
    """Talks to one reward server. Thread-safe: every call opens its own request."""

    def __init__(self, base_url: str, token: str | None = None, timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        token = os.environ.get("SV_SERVER_TOKEN") if token is None else token
        self._headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            self._headers["Authorization"] = f"Bearer {token}"

    def _open(self, path: str, body: Any = None):
        data = None if body is None else json.dumps(body, separators=(",", ":")).encode("utf-8")
        request = urllib.request.Request(
            self.base_url + path, data=data, headers=self._headers, method="GET" if data is None else "POST"
        )
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                detail = json.loads(text)["error"]
                raise RewardServerError(error.code, detail["code"], detail["message"]) from None
            except (ValueError, KeyError, TypeError):
                raise RewardServerError(error.code, "http_error", text[:200]) from None

    def _post(self, path: str, body: Any) -> Any:
        with self._open(path, body) as response:
            return json.loads(response.read())

    def health(self) -> dict:
        """`GET /health`."""
        with self._open("/health") as response:
            return json.loads(response.read())

    def score(self, items: Sequence[dict], rubric: dict | None = None) -> list[dict]:
        """`POST /v1/score`: one `eval score` line per `{"completion", "answer"}` item, in order.

        `rubric` is optional: `{"weights": {...}, "costs": {...}}` overrides of the defaults.
        Large lists are sent in batches of DEFAULT_BATCH_SIZE.
        """
        results: list[dict] = []
        for start in range(0, len(items), DEFAULT_BATCH_SIZE):
            body: dict = {"items": list(items[start : start + DEFAULT_BATCH_SIZE])}
            if rubric is not None:
                body["rubric"] = rubric
            results.extend(self._post("/v1/score", body)["results"])
        return results

    def rewards(self, completions: Sequence[Any], answers: Sequence[Any], rubric: dict | None = None) -> list[float]:
        """The weighted reward of each completion (a string or a list of chat messages)."""
        if len(completions) != len(answers):
            raise ValueError(f"{len(completions)} completions but {len(answers)} answers")
        items = [{"completion": c, "answer": a} for c, a in zip(completions, answers)]
        return [result["reward"] for result in self.score(items, rubric)]

    def get_reward(self, query: Sequence[str], prompts: Sequence[str], labels: Sequence[Any]) -> dict:
        """`POST /get_reward`, exactly as OpenRLHF calls a remote reward model."""
        return self._post("/get_reward", {"query": list(query), "prompts": list(prompts), "labels": list(labels)})

    def prompts(
        self,
        dataset: str | None = None,
        split: str | None = None,
        limit: int | None = None,
        seed: int | None = None,
        source: str | None = None,
    ) -> Iterator[dict]:
        """`GET /v1/prompts`: `{example_id, prompt, answer, info}` rows, streamed one at a time."""
        query = {"dataset": dataset, "split": split, "limit": limit, "seed": seed, "source": source}
        encoded = urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        with self._open("/v1/prompts" + (f"?{encoded}" if encoded else "")) as response:
            # Read blocks, not lines: http.client's line iterator ends quietly on a stream the server
            # cut short, while read() raises http.client.IncompleteRead.
            pending = b""
            while True:
                block = response.read(65536)
                if not block:
                    break
                *lines, pending = (pending + block).split(b"\n")
                for line in lines:
                    if line.strip():
                        yield json.loads(line)
            if pending.strip():
                yield json.loads(pending)


def _read_items(lines: Iterable[str]) -> list[dict]:
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            items.append({"completion": record["completion"], "answer": record["answer"]})
        except (ValueError, KeyError, TypeError) as error:
            raise SystemExit(f"error: line {number}: expected {{\"completion\", \"answer\"}} ({error})")
    return items


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("SV_SERVER_URL", "http://127.0.0.1:8765"))
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="score JSONL completions (stdin or --input) like `eval score`")
    score.add_argument("--input", help="read FILE instead of stdin")
    prompts = commands.add_parser("prompts", help="write the environment's prompts as JSONL")
    for name in ("dataset", "split", "source"):
        prompts.add_argument(f"--{name}")
    prompts.add_argument("--limit", type=int)
    prompts.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    client = RewardClient(args.url)
    try:
        if args.command == "score":
            if args.input:
                with open(args.input, encoding="utf-8") as handle:
                    items = _read_items(handle)
            else:
                items = _read_items(sys.stdin)
            for result in client.score(items):
                sys.stdout.write(json.dumps(result, separators=(",", ":")) + "\n")
        else:
            for row in client.prompts(args.dataset, args.split, args.limit, args.seed, args.source):
                sys.stdout.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    except RewardServerError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    except urllib.error.URLError as error:
        sys.stderr.write(f"error: cannot reach {args.url}: {error.reason}\n")
        return 1
    except (http.client.IncompleteRead, ConnectionError) as error:
        # The server cuts a stream short when its dataset turns out broken mid-way: nothing to trust.
        sys.stderr.write(f"error: the server's answer was cut short ({type(error).__name__}); see its log\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
