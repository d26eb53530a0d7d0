"""verl recipe: the E1 reward as a custom `compute_score`.

verl loads a reward function from a file (`custom_reward_function.path=.../verl_compute_score.py`,
`custom_reward_function.name=compute_score`) and calls it per response with the keywords
`compute_score(data_source=, solution_str=, ground_truth=, extra_info=)`. A dict result must carry the
reward under "score"; verl logs the other keys. For one request per batch instead of per response,
use `reward_model.reward_manager=batch` with `custom_reward_function.name=compute_score_batch`.

The server's URL comes from `SV_SERVER_URL` (and its token from `SV_SERVER_TOKEN`), so the file needs
no arguments inside verl's workers. Data: verl reads parquet with `prompt` (chat messages) and
`reward_model.ground_truth`; `to_verl_row` turns a `GET /v1/prompts` row into one.

    python3 verl_compute_score.py      # scores two sample replies through the server
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sv_reward_client import RewardClient  # noqa: E402

DATA_SOURCE = "sv-env-network-logs"
_client: RewardClient | None = None


def _get_client() -> RewardClient:
    global _client
    if _client is None:
        _client = RewardClient(os.environ.get("SV_SERVER_URL", "http://127.0.0.1:8765"))
    return _client


def _as_dict(result: dict) -> dict:
    return {"score": result["reward"], **result["rewards"]}


def compute_score(
    data_source: str, solution_str: str, ground_truth: Any, extra_info: dict | None = None, **kwargs: Any
) -> dict:
    """verl's per-response reward: the weighted E1 reward, with the four rewards for logging."""
    return _as_dict(_get_client().score([{"completion": solution_str, "answer": ground_truth}])[0])


def compute_score_batch(
    data_sources: list[str],
    solution_strs: list[str],
    ground_truths: list[Any],
    extra_infos: list[dict] | None = None,
    **kwargs: Any,
) -> list[dict]:
    """verl's batch reward manager: every response of the batch in one request."""
    items = [{"completion": s, "answer": g} for s, g in zip(solution_strs, ground_truths)]
    return [_as_dict(result) for result in _get_client().score(items)]


def to_verl_row(row: dict, split: str) -> dict:
    """A `GET /v1/prompts` row in verl's RL dataset layout (write a list of them with pandas.to_parquet)."""
    return {
        "data_source": DATA_SOURCE,
        "prompt": row["prompt"],
        "ability": "network-security",
        "reward_model": {"style": "rule", "ground_truth": row["answer"]},
        "extra_info": {"split": split, "index": row["example_id"], **row["info"]},
    }


if __name__ == "__main__":
    print(json.dumps(compute_score(DATA_SOURCE, '{"label": "Malicious", "confidence": 0.9}', "Malicious")))
    print(json.dumps(compute_score_batch([DATA_SOURCE] * 2, ['{"label": "Benign", "confidence": 0.6}', "x"], [0, 1])))
