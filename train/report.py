"""Presenting an :func:`logsplit_train.metrics.evaluate` result: rich tables, Markdown, JSON, plots.

* :func:`format_report`: a rich renderable (print it with a ``rich.console.Console``);
* :func:`report_markdown`: the same tables as Markdown (saved beside a model as ``X.eval.md``);
* :func:`save_json`: the raw result;
* :func:`save_plots`: training curves and the confusion matrix as PNG (matplotlib is imported
  only there, so this module imports without it).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text

_UNNAMED = "(no source)"


def _pct(x: float) -> str:
    return f"{100.0 * x:.2f}%"


def _source_name(name: str) -> str:
    return name if name else _UNNAMED


def _labels(result: dict) -> list[str]:
    return list(result.get("labels", ["O", "D"]))


def _class_rows(s: dict, labels: list[str]) -> list[list[str]]:
    return [[lab, _pct(c["precision"]), _pct(c["recall"]), _pct(c["f1"]), f"{c['support']:,}"]
            for lab in labels for c in [s["classes"][lab]]]


def _confusion_rows(s: dict, labels: list[str]) -> list[list[str]]:
    rows = []
    for lab, row in zip(labels, s["confusion"]):
        total = sum(row)
        rows.append([f"true {lab}"] + [f"{n:,} ({_pct(n / total) if total else '-'})" for n in row])
    return rows


def _summary_rows(s: dict) -> list[list[str]]:
    f = s["fields"]
    return [
        ["Character accuracy", _pct(s["char_accuracy"]), f"{s['chars']:,} characters"],
        ["Field precision", _pct(f["precision"]), f"{f['correct']:,} / {f['predicted']:,} predicted"],
        ["Field recall", _pct(f["recall"]), f"{f['correct']:,} / {f['true']:,} true"],
        ["Field F1", _pct(f["f1"]), "exact span match"],
        ["Line accuracy", _pct(s["line_accuracy"]), f"{s['exact_lines']:,} / {s['lines']:,} lines exact"],
    ]


_SOURCE_HEADER = ["Source", "Lines", "Char acc", "Field P", "Field R", "Field F1", "Line acc"]


def _source_rows(result: dict) -> list[list[str]]:
    rows = []
    for name in sorted(result.get("per_source", {})):
        s = result["per_source"][name]
        f = s["fields"]
        rows.append([_source_name(name), f"{s['lines']:,}", _pct(s["char_accuracy"]),
                     _pct(f["precision"]), _pct(f["recall"]), _pct(f["f1"]),
                     _pct(s["line_accuracy"])])
    return rows


def format_report(result: dict, title: str = "Evaluation"):
    """A rich renderable: overall per-class, confusion, field/line tables and a per-source table."""
    labels = _labels(result)
    s = result["overall"]

    classes = Table(title="Characters, per class", title_justify="left")
    for col in ("Class", "Precision", "Recall", "F1", "Support"):
        classes.add_column(col, justify="left" if col == "Class" else "right")
    for row in _class_rows(s, labels):
        classes.add_row(*row)

    confusion = Table(title="Confusion (rows true, cols predicted)", title_justify="left")
    confusion.add_column("")
    for lab in labels:
        confusion.add_column(f"pred {lab}", justify="right")
    for row in _confusion_rows(s, labels):
        confusion.add_row(*row)

    summary = Table(title="Overall", title_justify="left")
    summary.add_column("Metric")
    summary.add_column("Value", justify="right")
    summary.add_column("", style="dim")
    for row in _summary_rows(s):
        summary.add_row(*row)

    per_source = Table(title="Per source", title_justify="left")
    for col in _SOURCE_HEADER:
        per_source.add_column(col, justify="left" if col == "Source" else "right")
    for row in _source_rows(result):
        per_source.add_row(*row)

    return Group(Text(title, style="bold"), summary, classes, confusion, per_source)


def _md_table(header: list[str], rows: list[list[str]], right_from: int = 1) -> str:
    def esc(cell: str) -> str:
        return str(cell).replace("|", "\\|").replace("\n", " ")

    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(esc(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report_markdown(result: dict, title: str = "Evaluation", extra: dict | None = None) -> str:
    """The report as Markdown; ``extra`` (model path, data, epochs...) is listed under the title."""
    labels = _labels(result)
    s = result["overall"]
    parts = [f"# {title}"]
    if extra:
        parts.append(_md_table(["", ""], [[str(k), str(v)] for k, v in extra.items()], right_from=2))
    parts += [
        "## Overall", _md_table(["Metric", "Value", ""], _summary_rows(s), right_from=1),
        "## Characters, per class",
        _md_table(["Class", "Precision", "Recall", "F1", "Support"], _class_rows(s, labels)),
        "## Confusion matrix (rows true, columns predicted)",
        _md_table([""] + [f"pred {lab}" for lab in labels], _confusion_rows(s, labels)),
        "## Per source", _md_table(_SOURCE_HEADER, _source_rows(result)),
        "Fields are scored by exact span match; ratios with a zero denominator are reported as 0.",
    ]
    return "\n\n".join(parts) + "\n"


def save_json(result: dict, path) -> None:
    """Write ``result`` as indented JSON (parent directories are created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)

    def default(o):  # numpy scalars/arrays, should any slip in
        if hasattr(o, "tolist"):
            return o.tolist()
        raise TypeError(f"{type(o).__name__} is not JSON serialisable")

    path.write_text(json.dumps(result, indent=2, default=default) + "\n", encoding="utf-8")


def _accuracy_keys(history: dict) -> list[str]:
    """Training-side accuracy-like keys (``accuracy``, ``char_acc``...), in history order."""
    return [k for k in history if not k.startswith("val_") and "acc" in k.lower()]


def save_plots(history, confusion: list[list[int]], path_prefix: str) -> tuple[str, str]:
    """Write ``<prefix>.curves.png`` and ``<prefix>.confusion.png``; return their paths.

    ``history`` is a Keras ``History`` or its ``.history`` dict (``loss``, ``val_loss`` and any
    accuracy keys with their ``val_`` counterparts).  Uses the Agg canvas directly, without
    pyplot, so the global matplotlib backend is left alone.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    history = dict(getattr(history, "history", history) or {})
    prefix = os.fspath(path_prefix)
    Path(prefix).parent.mkdir(parents=True, exist_ok=True)
    curves_path, confusion_path = f"{prefix}.curves.png", f"{prefix}.confusion.png"

    # Curves: loss, then one panel with every accuracy-like metric.
    panels = [("Loss", ["loss"])]
    acc = _accuracy_keys(history)
    if acc:
        panels.append(("Accuracy", acc))
    fig = Figure(figsize=(5.5 * len(panels), 4), layout="constrained")
    FigureCanvasAgg(fig)
    for i, (name, keys) in enumerate(panels):
        ax = fig.add_subplot(1, len(panels), i + 1)
        drawn = False
        for key in keys:
            for k, style in ((key, "-o"), (f"val_{key}", "--s")):
                values = [float(v) for v in history.get(k, [])]
                if values:
                    ax.plot(range(1, len(values) + 1), values, style, markersize=3,
                            label=("validation " if k.startswith("val_") else "train ") + key)
                    drawn = True
        ax.set_title(name)
        ax.set_xlabel("epoch")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if drawn:
            ax.legend()
            ax.grid(alpha=0.3)
        else:
            ax.text(0.5, 0.5, "no history recorded", ha="center", va="center",
                    transform=ax.transAxes)
    fig.savefig(curves_path, dpi=110)

    # Confusion matrix: colour = row-normalised share, text = count and percentage.
    counts = [[int(n) for n in row] for row in confusion]
    shares = [[n / sum(row) if sum(row) else 0.0 for n in row] for row in counts]
    labels = ["O (field)", "D (delimiter)"]
    fig = Figure(figsize=(4.8, 4.2), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    image = ax.imshow(shares, cmap="Blues", vmin=0.0, vmax=1.0)
    fig.colorbar(image, ax=ax, label="share of true row")
    for r, row in enumerate(counts):
        for c, n in enumerate(row):
            share = shares[r][c]
            ax.text(c, r, f"{n:,}\n{100 * share:.1f}%", ha="center", va="center",
                    color="white" if share > 0.5 else "black")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title("Confusion matrix")
    fig.savefig(confusion_path, dpi=110)
    return curves_path, confusion_path
