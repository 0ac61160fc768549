#!/usr/bin/env python3
"""The ceiling of the convention on the Loghub scorer: score the training labels themselves.

    python bench/label_ceiling.py [--loghub ../shared/data/loghub]

Writes the labels that `logsplit-train` derives from each dev system's structured CSV as
logsplit JSON Lines into a temporary folder and runs the official scorer on them with
--pred-dir.  A model that learned those labels perfectly would score exactly this.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from logsplit_train.readers import read_loghub

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--loghub", default=os.path.join(SHARED, "data", "loghub"))
    ap.add_argument("--scorer", default=os.path.join(SHARED, "eval", "score.py"))
    args = ap.parse_args()
    systems = sorted(d for d in os.listdir(args.loghub)
                     if os.path.isdir(os.path.join(args.loghub, d)))
    with tempfile.TemporaryDirectory() as out:
        for name in systems:
            samples = read_loghub(os.path.join(args.loghub, name, f"{name}_2k.log_structured.csv"))
            with open(os.path.join(out, f"{name}.jsonl"), "w", encoding="utf-8") as f:
                for i, s in enumerate(samples, 1):
                    f.write(json.dumps({"line": i, "text": s.text, "fields": s.fields,
                                        "spans": [list(x) for x in s.spans]},
                                       ensure_ascii=False) + "\n")
        return subprocess.call([sys.executable, args.scorer, "--pred-dir", out,
                                "--systems", ",".join(systems)])


if __name__ == "__main__":
    sys.exit(main())
