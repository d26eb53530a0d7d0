"""TRL recipe: the E1 reward as a `GRPOTrainer` reward function.

GRPOTrainer calls each reward function as `fn(prompts=..., completions=..., completion_ids=...,
**dataset_columns)` and wants one float per completion. With a conversational dataset (the `prompt`
column is a list of chat messages, as `GET /v1/prompts` serves it) each completion is a list of
messages whose last one is the reply; the `answer` column arrives as the `answer` keyword.

    python3 trl_grpo_reward.py --url http://127.0.0.1:8765     # runs the reward on two sample replies

Training (needs `pip install trl datasets`; not run here):

    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer
    client = RewardClient(URL)
    train = Dataset.from_list(list(client.prompts(split="train")))   # columns: prompt, answer, info, ...
    trainer = GRPOTrainer(
        model="Qwen/Qwen2.5-0.5B-Instruct",
        reward_funcs=make_trl_reward(client),
        args=GRPOConfig(output_dir="grpo-e1"),
        train_dataset=train,
    )
    trainer.train()
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sv_reward_client import RewardClient  # noqa: E402


def make_trl_reward(client: RewardClient, rubric: dict | None = None) -> Callable[..., list[float]]:
    """A GRPOTrainer reward function that scores the whole batch in one request."""

    def sv_e1_reward(completions: list[Any], answer: list[Any], **kwargs: Any) -> list[float]:
        # Conversational completions are message lists and standard ones strings; the server takes both.
        return client.rewards(completions, answer, rubric)

    return sv_e1_reward


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the TRL reward function on sample replies.")
    parser.add_argument("--url", default=os.environ.get("SV_SERVER_URL", "http://127.0.0.1:8765"))
    args = parser.parse_args()
    reward = make_trl_reward(RewardClient(args.url))
    # What GRPOTrainer passes for a conversational dataset with an `answer` column.
    completions = [
        [{"role": "assistant", "content": '{"label": "Malicious", "confidence": 0.9, "rationale": "scan"}'}],
        [{"role": "assistant", "content": '{"label": "Benign", "confidence": 0.8}'}],
    ]
    prompts = [[{"role": "user", "content": "Log Entry: ..."}]] * 2
    print(reward(prompts=prompts, completions=completions, answer=["Malicious", "Malicious"], completion_ids=[[], []]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
