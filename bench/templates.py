#!/usr/bin/env python3
"""Template mining measured as log parsers are: grouping and parsing accuracy on Loghub.

    python bench/templates.py [--model M.onnx] [--systems dev] [--out FILE.json]

For each Loghub dev system (``../shared/data/loghub/<S>/<S>_2k.log`` and its
``_structured.csv`` with ``EventId``/``EventTemplate``), three parsers in one run:

* ``logsplit+Drain3``: ``logsplit.templates.Templates`` over the model's fields, no
  configuration (what ``logsplit --templates`` does);
* ``Drain3 raw``: Drain3's ``TemplateMiner`` with its default configuration on whole raw lines;
* ``Drain3 configured``: Drain3 given the published Loghub Drain benchmark setting of the
  system (logpai/logparser ``Drain/benchmark.py``): the header ``log_format`` (only the
  Content is mined), the masking regexes (each match becomes ``<*>``), ``st`` and ``depth``.

Every line's group is its final template (all lines mined first, as offline Loghub evaluation
does).  GA: a line is right when its predicted group holds exactly the lines of its true group.
PA: a line is right when its template, cut to the line's Content (the Content span located by
the scorer's truth, ``../shared/eval/truth.py``; header fields are not part of Loghub
templates), equals the true template after :func:`normalise_template`.  The two unconfigured
parsers see the header too; their template is cut to the Content by replacing, inside the
Content span, each variable token's characters with ``<*>``.
"""
from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")

# The published Loghub Drain benchmark settings (logpai/logparser, Drain/benchmark.py) of the
# dev systems.
LOGHUB_DRAIN = {
    "HDFS": dict(log_format="<Date> <Time> <Pid> <Level> <Component>: <Content>",
                 regex=[r"blk_-?\d+", r"(\d+\.){3}\d+(:\d+)?"], st=0.5, depth=4),
    "Hadoop": dict(log_format=r"<Date> <Time> <Level> \[<Process>\] <Component>: <Content>",
                   regex=[r"(\d+\.){3}\d+"], st=0.5, depth=4),
    "Spark": dict(log_format="<Date> <Time> <Level> <Component>: <Content>",
                  regex=[r"(\d+\.){3}\d+", r"\b[KGTM]?B\b", r"([\w-]+\.){2,}[\w-]+"],
                  st=0.5, depth=4),
    "Zookeeper": dict(log_format=r"<Date> <Time> - <Level>  \[<Node>:<Component>@<Id>\] - "
                                 r"<Content>",
                      regex=[r"(/|)(\d+\.){3}\d+(:\d+)?"], st=0.5, depth=4),
    "Linux": dict(log_format=r"<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>",
                  regex=[r"(\d+\.){3}\d+", r"\d{2}:\d{2}:\d{2}"], st=0.39, depth=6),
    "Android": dict(log_format="<Date> <Time>  <Pid>  <Tid> <Level> <Component>: <Content>",
                    regex=[r"(/[\w-]+)+", r"([\w-]+\.){2,}[\w-]+",
                           r"\b(\-?\+?\d+)\b|\b0[Xx][a-fA-F\d]+\b|\b[a-fA-F\d]{4,}\b"],
                    st=0.2, depth=6),
    "Apache": dict(log_format=r"\[<Time>\] \[<Level>\] <Content>",
                   regex=[r"(\d+\.){3}\d+"], st=0.5, depth=4),
    "OpenSSH": dict(log_format=r"<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>",
                    regex=[r"(\d+\.){3}\d+", r"([\w-]+\.){2,}[\w-]+"], st=0.6, depth=5),
}

METHODS = ("logsplit+Drain3", "Drain3 raw", "Drain3 configured")


# ------------------------------------------------------------------ the arithmetic (pure)
def normalise_template(template: str) -> str:
    """A template as compared for PA: whitespace runs become one space, the ends are stripped,
    and consecutive ``<*>`` (glued or separated by whitespace only) become one.

    >>> normalise_template("a  <*> <*><*>  b ")
    'a <*> b'
    """
    t = re.sub(r"\s+", " ", template).strip()
    return re.sub(r"<\*>(?:\s*<\*>)+", "<*>", t)


def grouping_accuracy(pred, truth) -> float:
    """GA: the share of lines whose predicted group holds exactly the lines of their true group.

    ``pred`` and ``truth`` are one group label per line (any hashable values).

    >>> grouping_accuracy(["a", "a", "b", "c"], [1, 1, 2, 2])   # {0,1} right; b, c split 2
    0.5
    """
    if len(pred) != len(truth):
        raise ValueError(f"{len(pred)} predicted labels for {len(truth)} lines")
    if not pred:
        return 0.0
    members = defaultdict(list)
    for i, p in enumerate(pred):
        members[p].append(i)
    true_size = Counter(truth)
    right = 0
    for idx in members.values():
        groups = {truth[i] for i in idx}
        if len(groups) == 1 and true_size[truth[idx[0]]] == len(idx):
            right += len(idx)
    return right / len(pred)


def parsing_accuracy(pred_templates, true_templates) -> float:
    """PA: the share of lines whose template equals the true one after normalisation.

    >>> parsing_accuracy(["x <*>", "y  <*><*>", "z"], ["x <*>", "y <*>", "z <*>"])
    0.6666666666666666
    """
    if len(pred_templates) != len(true_templates):
        raise ValueError(f"{len(pred_templates)} templates for {len(true_templates)} lines")
    if not pred_templates:
        return 0.0
    right = sum(normalise_template(p) == normalise_template(t)
                for p, t in zip(pred_templates, true_templates))
    return right / len(pred_templates)


def cut_to_content(text: str, content: tuple[int, int], variables) -> str:
    """The template of ``text[content]``: each variable span's part inside it becomes ``<*>``.

    >>> cut_to_content("10:01 INFO took 12 ms", (11, 21), [(0, 5), (16, 18)])
    'took <*> ms'
    """
    cs, ce = content
    out = []
    pos = cs
    for s, e in sorted(variables):
        s, e = max(s, cs), min(e, ce)
        if s >= e or s < pos:
            continue
        out.append(text[pos:s])
        out.append("<*>")
        pos = e
    out.append(text[pos:ce])
    return "".join(out)


# ------------------------------------------------------------------ the three parsers
def _miner(sim_th=None, depth=None, masks=()):
    from drain3 import TemplateMiner
    from drain3.masking import MaskingInstruction
    from drain3.template_miner_config import TemplateMinerConfig

    cfg = TemplateMinerConfig()
    if sim_th is not None:
        cfg.drain_sim_th = sim_th
    if depth is not None:
        cfg.drain_depth = depth
    cfg.masking_instructions = [MaskingInstruction(rx, "*") for rx in masks]  # "<*>"
    return TemplateMiner(config=cfg)


def run_logsplit(texts, contents, splitter):
    """Group ids and Content templates from logsplit's fields and Drain3 (no configuration)."""
    from logsplit.templates import WILDCARD, Templates

    miner = Templates()
    results = splitter.split(texts)
    ids = [miner.add(r.text, r.spans)[0] for r in results]
    templates = []
    for r, cid, content in zip(results, ids, contents):
        spans, tokens = miner.parts(r.text, r.spans, cid)
        variables = [sp for sp, tok in zip(spans, tokens) if tok == WILDCARD]
        templates.append(cut_to_content(r.text, content, variables))
    return ids, templates


def run_drain_raw(texts, contents):
    """Drain3 with its defaults on whole raw lines (whitespace tokens)."""
    miner = _miner()
    ids = [miner.add_log_message(t)["cluster_id"] for t in texts]
    clusters = {c.cluster_id: c.log_template_tokens for c in miner.drain.clusters}
    templates = []
    for t, cid, content in zip(texts, ids, contents):
        tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", t)]
        tpl = clusters[cid]
        variables = [sp for sp, tok in zip(tokens, tpl) if tok == "<*>"]
        templates.append(cut_to_content(t, content, variables))
    return ids, templates


def loghub_format_regex(log_format: str) -> re.Pattern:
    """The Loghub benchmark's header regex: ``<Name>`` becomes a lazy named group, blanks match
    any whitespace run, anchored at both ends.

    >>> loghub_format_regex("<Date> <Level>: <Content>").match("1 INFO: hi").group("Content")
    'hi'
    """
    parts = re.split(r"(<[^<>]+>)", log_format)
    rx = ""
    for k, part in enumerate(parts):
        if k % 2 == 0:
            rx += re.sub(" +", r"\\s+", part)
        else:
            rx += f"(?P<{part.strip('<>')}>.*?)"
    return re.compile("^" + rx + "$")


def run_drain_configured(name, texts):
    """Drain3 with the published Loghub Drain setting: Content only, masking, st, depth.
    Returns ids, templates and the number of lines the header format did not match (they are
    mined whole, as Content)."""
    cfg = LOGHUB_DRAIN[name]
    rx = loghub_format_regex(cfg["log_format"])
    miner = _miner(cfg["st"], cfg["depth"], cfg["regex"])
    unmatched = 0
    ids = []
    for t in texts:
        m = rx.match(t)
        if m is None:
            unmatched += 1
        ids.append(miner.add_log_message(m.group("Content") if m else t)["cluster_id"])
    clusters = {c.cluster_id: c.get_template() for c in miner.drain.clusters}
    return ids, [clusters[c] for c in ids], unmatched


# ------------------------------------------------------------------ main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="ONNX model (default: the shipped one)")
    ap.add_argument("--systems", default="dev", help="dev | NAME,NAME,...")
    ap.add_argument("--eval-dir", default=EVAL, help="folder holding truth.py")
    ap.add_argument("--out", help="write the figures as JSON here")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    sys.path.insert(0, os.path.abspath(args.eval_dir))
    import truth as T  # noqa: E402  (the scorer's line convention and Content spans)

    from logsplit import Splitter

    splitter = Splitter(args.model)
    rows = []
    for name in T.resolve_systems(args.systems):
        recs = T.load_truth(name)
        with open(os.path.join(T.system_dir(name), f"{name}_2k.log_structured.csv"),
                  newline="", encoding="utf-8") as f:
            csv_rows = list(csv.DictReader(f))
        texts = [r["text"] for r in recs]
        contents = [tuple(r["content"]) for r in recs]
        events = [r["EventId"] for r in csv_rows]
        true_t = [r["EventTemplate"] for r in csv_rows]
        row = {"system": name, "lines": len(texts)}
        ids, tpl = run_logsplit(texts, contents, splitter)
        row["logsplit+Drain3"] = {"GA": grouping_accuracy(ids, events),
                                  "PA": parsing_accuracy(tpl, true_t), "templates": len(set(ids))}
        ids, tpl = run_drain_raw(texts, contents)
        row["Drain3 raw"] = {"GA": grouping_accuracy(ids, events),
                             "PA": parsing_accuracy(tpl, true_t), "templates": len(set(ids))}
        ids, tpl, unmatched = run_drain_configured(name, texts)
        row["Drain3 configured"] = {"GA": grouping_accuracy(ids, events),
                                    "PA": parsing_accuracy(tpl, true_t),
                                    "templates": len(set(ids)), "header_unmatched": unmatched}
        row["true_templates"] = len(set(events))
        rows.append(row)
    mean = {m: {k: sum(r[m][k] for r in rows) / len(rows) for k in ("GA", "PA")}
            for m in METHODS}
    head = " | ".join(f"{m} GA | {m} PA" for m in METHODS)
    print(f"| system | {head} | templates (true / logsplit / raw / configured) |")
    print("|---" * (2 + 2 * len(METHODS)) + "|")
    for r in rows:
        cells = " | ".join(f"{r[m]['GA']:.3f} | {r[m]['PA']:.3f}" for m in METHODS)
        counts = " / ".join(str(x) for x in (r["true_templates"], *(r[m]["templates"]
                                                                    for m in METHODS)))
        print(f"| {r['system']} | {cells} | {counts} |")
    cells = " | ".join(f"**{mean[m]['GA']:.3f}** | **{mean[m]['PA']:.3f}**" for m in METHODS)
    print(f"| **mean** | {cells} | |")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"model": args.model or "shipped", "systems": rows, "mean": mean}, f,
                      indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
