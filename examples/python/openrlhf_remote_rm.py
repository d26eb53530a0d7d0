"""OpenRLHF recipe: the reward server as OpenRLHF's remote reward model.

OpenRLHF POSTs `{"query": [...], "prompts": [...], "labels": [...]}` to the remote reward URL, where
each query is the decoded prompt + reply, and reads `rewards` (advantages), `scores` (dynamic
filtering: here the 0/1 accuracy) and `extra_logs` (logged; here the four E1 rewards). The server's
`POST /get_reward` takes exactly that, so no Python glue runs inside the trainer:

    pnpm serve --port 8765 &
    python3 openrlhf_remote_rm.py --url http://127.0.0.1:8765 write-prompts e1-train.jsonl --split train
    python3 -m openrlhf.cli.train_ppo_ray \\
        --reward.remote_url http://127.0.0.1:8765/get_reward \\
        --data.prompt_dataset e1-train.jsonl --data.input_key prompt --data.label_key answer \\
        --data.apply_chat_template \\
        ...   # model, rollout and Ray arguments as usual

Releases up to 0.9.x spell these `--remote_rm_url`, `--prompt_data`, `--input_key`, `--label_key` and
`--apply_chat_template`. `check` sends one request shaped exactly like OpenRLHF's HTTP client's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sv_reward_client import RewardClient  # noqa: E402


def write_prompts(client: RewardClient, path: str, split: str | None, limit: int | None) -> int:
    """An OpenRLHF prompt dataset: one `{"prompt": [messages], "answer": label}` line per example."""
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for row in client.prompts(split=split, limit=limit):
            handle.write(json.dumps({"prompt": row["prompt"], "answer": row["answer"]}, ensure_ascii=False) + "\n")
            count += 1
    return count


def check(client: RewardClient) -> dict:
    """One request as OpenRLHF makes it: a chat-templated prompt, the reply and the end token decoded together."""
    prompt = "<|im_start|>user\nLog Entry: id.orig_h=10.0.0.5, id.resp_p=23, proto=tcp<|im_end|>\n<|im_start|>assistant\n"
    reply = '{"label": "Malicious", "confidence": 0.9, "rationale": "telnet scan"}<|im_end|>'
    return client.get_reward(query=[prompt + reply], prompts=[prompt], labels=["Malicious"])


def main() -> int:
    parser = argparse.ArgumentParser(description="Prepare OpenRLHF data for, and check, the remote reward model.")
    parser.add_argument("--url", default=os.environ.get("SV_SERVER_URL", "http://127.0.0.1:8765"))
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="send one OpenRLHF-shaped request to /get_reward")
    write = commands.add_parser("write-prompts", help="write an OpenRLHF prompt dataset (JSONL)")
    write.add_argument("path")
    write.add_argument("--split")
    write.add_argument("--limit", type=int)
    args = parser.parse_args()
    client = RewardClient(args.url)
    if args.command == "check":
        print(json.dumps(check(client)))
    else:
        print(f"wrote {write_prompts(client, args.path, args.split, args.limit)} prompts to {args.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
