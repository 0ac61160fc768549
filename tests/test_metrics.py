"""Evaluation metrics and reports, checked against numbers computed by hand."""
from __future__ import annotations

import json

import numpy as np
import pytest

from logsplit.vocab import labels_to_mask, mask_to_spans
from logsplit_train.metrics import evaluate
from logsplit_train.report import format_report, report_markdown, save_json, save_plots
from logsplit_train.sample import Sample


def S(text, labels, source=""):
    return Sample(text, labels_to_mask(labels), source)


def P(labels):
    return labels_to_mask(labels)


def approx(x):
    return pytest.approx(x, abs=1e-12)


# ---------------------------------------------------------------------------------------------
# One line at a time.  Each row: text, true labels, predicted labels, and the hand-computed
# confusion [[O->O, O->D], [D->O, D->D]], (O P, R, F1), (D P, R, F1), char accuracy,
# (fields true, predicted, correct), (field P, R, F1), exact.
# ---------------------------------------------------------------------------------------------
CASES = [
    # "ab cd", one O predicted as D: O 3/3 precise, 3/4 recalled; D 1/2 precise, 1/1 recalled.
    # fields true {(0,2),(3,5)}, pred {(0,2),(4,5)} -> 1 correct of 2 and 2.
    ("ab cd", "OODOO", "OODDO", [[3, 1], [0, 1]],
     (1.0, 3 / 4, 6 / 7), (1 / 2, 1.0, 2 / 3), 4 / 5, (2, 2, 1), (1 / 2, 1 / 2, 1 / 2), False),
    # perfect line
    ("k=v", "ODO", "ODO", [[2, 0], [0, 1]],
     (1.0, 1.0, 1.0), (1.0, 1.0, 1.0), 1.0, (2, 2, 2), (1.0, 1.0, 1.0), True),
    # all delimiters, one predicted as O: no true O (recall undefined -> 0), a spurious field.
    ("  -", "DDD", "DOD", [[0, 0], [1, 2]],
     (0.0, 0.0, 0.0), (1.0, 2 / 3, 4 / 5), 2 / 3, (0, 1, 0), (0.0, 0.0, 0.0), False),
    # all delimiters, right: no fields at all (P/R/F1 undefined -> 0) but the line is exact.
    (" |", "DD", "DD", [[0, 0], [0, 2]],
     (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), 1.0, (0, 0, 0), (0.0, 0.0, 0.0), True),
    # empty line: nothing to count, accuracy undefined -> 0, but exact.
    ("", "", "", [[0, 0], [0, 0]],
     (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 0.0, (0, 0, 0), (0.0, 0.0, 0.0), True),
    # a missed delimiter merges two fields: "a b" -> one field (0,3), neither true field matched.
    ("a b", "ODO", "OOO", [[2, 0], [1, 0]],
     (2 / 3, 1.0, 4 / 5), (0.0, 0.0, 0.0), 2 / 3, (2, 1, 0), (0.0, 0.0, 0.0), False),
    # every character wrong: "x:" predicted "DO".
    ("x:", "OD", "DO", [[0, 1], [1, 0]],
     (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 0.0, (1, 1, 0), (0.0, 0.0, 0.0), False),
]


@pytest.mark.parametrize("text,true,pred,conf,o,d,acc,counts,fprf,exact", CASES,
                         ids=[repr(c[0]) for c in CASES])
def test_single_line(text, true, pred, conf, o, d, acc, counts, fprf, exact):
    r = evaluate([S(text, true, "src")], [P(pred)])
    s = r["overall"]
    assert r["labels"] == ["O", "D"]
    assert s["confusion"] == conf
    assert s["chars"] == len(text)
    for name, want in (("O", o), ("D", d)):
        c = s["classes"][name]
        assert (c["precision"], c["recall"], c["f1"]) == (approx(want[0]), approx(want[1]), approx(want[2]))
    assert s["classes"]["O"]["support"] == true.count("O")
    assert s["classes"]["D"]["support"] == true.count("D")
    assert s["char_accuracy"] == approx(acc)
    f = s["fields"]
    assert (f["true"], f["predicted"], f["correct"]) == counts
    assert (f["precision"], f["recall"], f["f1"]) == (approx(fprf[0]), approx(fprf[1]), approx(fprf[2]))
    assert s["lines"] == 1
    assert s["exact_lines"] == int(exact)
    assert s["line_accuracy"] == float(exact)
    # one source: its block is the overall block
    assert r["per_source"] == {"src": s}


def test_confusion_rows_are_true_labels():
    # 3 true O all predicted D, 1 true D predicted D: row O = [0, 3], row D = [0, 1].
    s = evaluate([S("abc-", "OOOD")], [P("DDDD")])["overall"]
    assert s["confusion"] == [[0, 3], [0, 1]]
    assert s["classes"]["O"]["support"] == 3 and s["classes"]["D"]["support"] == 1
    assert s["classes"]["D"]["precision"] == approx(1 / 4)
    assert s["classes"]["D"]["recall"] == approx(1.0)


def test_per_source_grouping():
    samples = [S("ab cd", "OODOO", "web"), S("k=v", "ODO", "app"),
               S("", "", "app"), S("  -", "DDD", "web")]
    preds = [P("OODDO"), P("ODO"), P(""), P("DOD")]
    r = evaluate(samples, preds)
    assert list(r["per_source"]) == ["app", "web"]          # sorted by name

    app, web, overall = r["per_source"]["app"], r["per_source"]["web"], r["overall"]
    # app: "k=v" perfect and the empty line
    assert app["lines"] == 2 and app["exact_lines"] == 2 and app["line_accuracy"] == 1.0
    assert app["chars"] == 3 and app["char_accuracy"] == 1.0
    assert app["confusion"] == [[2, 0], [0, 1]]
    assert app["fields"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                             "true": 2, "predicted": 2, "correct": 2}
    # web: [[3,1],[0,1]] + [[0,0],[1,2]]; fields 2 true, 2 + 1 predicted, 1 correct
    assert web["confusion"] == [[3, 1], [1, 3]]
    assert web["char_accuracy"] == approx(6 / 8)
    assert web["lines"] == 2 and web["exact_lines"] == 0 and web["line_accuracy"] == 0.0
    assert (web["fields"]["true"], web["fields"]["predicted"], web["fields"]["correct"]) == (2, 3, 1)
    assert web["fields"]["precision"] == approx(1 / 3)
    assert web["fields"]["recall"] == approx(1 / 2)
    assert web["fields"]["f1"] == approx(2 / 5)
    # overall: sums of the two
    assert overall["confusion"] == [[5, 1], [1, 4]]
    assert overall["chars"] == 11 and overall["char_accuracy"] == approx(9 / 11)
    assert overall["classes"]["O"]["precision"] == approx(5 / 6)
    assert overall["classes"]["O"]["recall"] == approx(5 / 6)
    assert overall["classes"]["D"]["precision"] == approx(4 / 5)
    assert overall["classes"]["D"]["recall"] == approx(4 / 5)
    assert (overall["fields"]["true"], overall["fields"]["predicted"], overall["fields"]["correct"]) == (4, 5, 3)
    assert overall["fields"]["precision"] == approx(3 / 5)
    assert overall["fields"]["recall"] == approx(3 / 4)
    assert overall["fields"]["f1"] == approx(2 / 3)
    assert overall["lines"] == 4 and overall["exact_lines"] == 2 and overall["line_accuracy"] == 0.5
    json.dumps(r)  # plain Python types only


def test_fields_do_not_run_across_lines():
    # Two lines without delimiters: two fields, not one (0,4) over the concatenation.
    r = evaluate([S("ab", "OO"), S("cd", "OO")], [P("OO"), P("OO")])
    assert r["overall"]["fields"]["true"] == 2
    assert r["overall"]["fields"]["correct"] == 2
    # The same span positions in different lines never match each other.
    r = evaluate([S("ab", "OO"), S("cd", "DD")], [P("DD"), P("OO")])
    assert (r["overall"]["fields"]["true"], r["overall"]["fields"]["predicted"],
            r["overall"]["fields"]["correct"]) == (1, 1, 0)


def test_empty_input():
    r = evaluate([], [])
    assert r["per_source"] == {}
    assert r["overall"]["lines"] == 0 and r["overall"]["confusion"] == [[0, 0], [0, 0]]
    assert r["overall"]["line_accuracy"] == 0.0 and r["overall"]["fields"]["f1"] == 0.0


def test_padded_prediction_matrix_and_dtypes():
    samples = [S("ab cd", "OODOO", "x"), S("k", "O", "y")]
    padded = np.array([[0, 0, 1, 1, 0], [0, 1, 1, 1, 1]], np.int32)
    listed = [np.array([0, 0, 1, 1, 0], bool), np.array([0], np.int64)]
    assert evaluate(samples, padded) == evaluate(samples, listed)


def test_mismatches_raise():
    with pytest.raises(ValueError, match="2 predicted masks for 1 lines"):
        evaluate([S("ab", "OO")], [P("OO"), P("OO")])
    with pytest.raises(ValueError, match="line 0"):
        evaluate([S("ab", "OO")], [P("OOO")])
    with pytest.raises(ValueError, match="0 .* and 1"):
        evaluate([S("ab", "OO")], [np.array([0, 2], np.uint8)])


def _reference(samples, preds):
    """Per-line, pure Python reference of the overall counts."""
    conf = [[0, 0], [0, 0]]
    ft = fp = fc = exact = 0
    for s, p in zip(samples, preds):
        for t, q in zip(s.mask.tolist(), p.tolist()):
            conf[t][q] += 1
        ts, ps = set(mask_to_spans(s.mask)), set(mask_to_spans(p))
        ft, fp, fc = ft + len(ts), fp + len(ps), fc + len(ts & ps)
        exact += s.mask.tolist() == p.tolist()
    return conf, (ft, fp, fc), exact


def test_matches_per_line_reference_on_random_lines():
    rng = np.random.default_rng(7)
    samples, preds = [], []
    for i in range(300):
        n = int(rng.integers(0, 12))
        m = (rng.random(n) < 0.35).astype(np.uint8)
        p = m.copy()
        p[rng.random(n) < 0.15] ^= 1
        samples.append(Sample("x" * n, m, f"s{i % 5}"))
        preds.append(p)
    r = evaluate(samples, preds)
    conf, fields, exact = _reference(samples, preds)
    f = r["overall"]["fields"]
    assert r["overall"]["confusion"] == conf
    assert (f["true"], f["predicted"], f["correct"]) == fields
    assert r["overall"]["exact_lines"] == exact
    for name, block in r["per_source"].items():
        idx = [i for i, s in enumerate(samples) if s.source == name]
        conf, fields, exact = _reference([samples[i] for i in idx], [preds[i] for i in idx])
        assert block["confusion"] == conf and block["exact_lines"] == exact
        assert (block["fields"]["true"], block["fields"]["predicted"], block["fields"]["correct"]) == fields


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------
def _result():
    samples = [S("ab cd", "OODOO", "web"), S("k=v", "ODO", "app"), S("a b", "ODO", "")]
    return evaluate(samples, [P("OODDO"), P("ODO"), P("OOO")])


def test_format_report_renders_and_names_every_source():
    from rich.console import Console

    console = Console(record=True, width=120, color_system=None)
    console.print(format_report(_result(), "Test set"))
    text = console.export_text()
    for needle in ("Test set", "web", "app", "(no source)", "Per source", "pred D", "true O",
                   "Line accuracy"):
        assert needle in text
    assert text.index("app") < text.index("web")   # sorted by source name


def test_report_markdown_and_json(tmp_path):
    result = _result()
    md = report_markdown(result, "Test set", {"model": "m.onnx", "epochs": 3})
    assert md.startswith("# Test set\n")
    assert "| model | m.onnx |" in md
    assert "| app | 1 |" in md and "| web | 1 |" in md and "| (no source) | 1 |" in md
    assert "| true O | 7 (87.50%) | 1 (12.50%) |" in md     # [[7,1],[1,2]] overall
    save_json(result, tmp_path / "sub" / "x.eval.json")
    assert json.loads((tmp_path / "sub" / "x.eval.json").read_text()) == result


def test_save_plots_writes_two_pngs(tmp_path):
    pytest.importorskip("matplotlib")
    history = {"loss": [0.9, 0.5, 0.3], "val_loss": [1.0, 0.6, 0.45],
               "accuracy": [0.7, 0.85, 0.9], "val_accuracy": [0.65, 0.8, 0.88]}
    curves, confusion = save_plots(history, [[5, 1], [1, 4]], str(tmp_path / "out" / "model"))
    for path in (curves, confusion):
        data = open(path, "rb").read()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000
    assert curves.endswith("model.curves.png") and confusion.endswith("model.confusion.png")
    # no accuracy keys, an empty confusion row: still writes both
    save_plots({"loss": [1.0]}, [[0, 0], [2, 3]], str(tmp_path / "bare"))
    assert (tmp_path / "bare.curves.png").stat().st_size > 0
    assert (tmp_path / "bare.confusion.png").stat().st_size > 0


def test_empty_fields_count_as_fields():
    """Rule 8: the empty field of `a,,c` is a field to find; missing it costs recall."""
    from logsplit_train.sample import Sample
    s = Sample("a,,c", np.array([0, 1, 1, 0], np.uint8), "x")
    right = evaluate([s], [np.array([0, 1, 1, 0])])["overall"]["fields"]
    assert (right["true"], right["predicted"], right["correct"]) == (3, 3, 3)
    wrong = evaluate([s], [np.array([0, 1, 0, 0])])["overall"]["fields"]
    assert (wrong["true"], wrong["predicted"], wrong["correct"]) == (3, 2, 1)
