"""The ``logsplit`` command: the one place that reads arguments, prints, and picks exit codes.

Data flows one way: :class:`~logsplit.reader.Reader` (a thread reading the inputs) ->
:class:`~logsplit.batching.Batcher` (full batches, or partial ones after ``--max-latency``) ->
:class:`~logsplit.splitter.Splitter` -> a renderer (:mod:`logsplit.render`) -> stdout, flushed
after every batch.  Library exceptions become one ``logsplit: message`` line here.

Exit status: 0 success; 1 an input file could not be read (the others were processed); 2 usage
error or unusable model; 130 interrupted (Ctrl-C); 141 output pipe closed early (``| head``);
70 internal error (a bug; ``LOGSPLIT_DEBUG=1`` shows its traceback).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from collections import deque

from . import defaults
from .errors import LogsplitError, OutputError, UsageError

PROG = "logsplit"
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPT, EXIT_PIPE = 0, 1, 2, 70, 130, 141
EXIT_OUTPUT = 1  # standard output could not be written (a full disk): like an unreadable input

DESCRIPTION = """\
Split log lines into fields with a character-level BiLSTM: every character is labeled part of a
field or a delimiter, and fields are the maximal runs of non-delimiters.  No per-format
configuration.  Reads the FILEs in order (standard input when none or '-'), like cat.
"""

EPILOG = """\
output modes:
  (default)   on a terminal with colour: each line with delimiters highlighted and fields in
              alternating styles; without colour (pipe, --color never, NO_COLOR): the fields of
              each line joined by ' ¦ '
  --json      JSON Lines, one object per input line, keys in this order:
              {"line": N, "text": "...", "fields": ["..."], "spans": [[start, end], ...],
               "pairs": [[key_index, value_index], ...]}
              (with several FILEs "file" comes first); spans are code-point offsets into text;
              pairs are key/value pairs as indices into fields (key=value, key: value, JSON);
              a zero-length span [s, s] with "" in fields is an empty field (a,,c ruser= "")
  --tsv       all fields, tab-separated
  --marked    each line with its fields marked inline: ⟦field⟧, ⟦⟧ for an empty field; a
              literal ⟦ ⟧ ⟡ of the line is written ⟡⟦ ⟡⟧ ⟡⟡.  Correct the marks in an editor
              and train on the file: logsplit-train --teach FILE.marked
  -f LIST     selected fields, tab-separated, like cut: -f 1,3-5,-1 prints fields 1, 3 to 5,
              and the last; 7- is the seventh to the last; negative numbers count from the end
              (write -f=-2--1 for a range of negatives); a missing field prints empty;
              a name is a key: -f status,time prints the values of those keys (empty when a
              line lacks one); names and numbers mix (-f 1,status)
  --templates the message templates (Drain3 over the fields; variable fields as <*>), most
              frequent first: count, id, template and an example line; with --json one
              object per template {"template_id", "count", "template", "example", "line"}.
              When an input is a stream (a pipe, not a regular file), each template is also
              printed when it first appears ("+ ID  TEMPLATE"; JSON: {"new": true, ...}),
              and the summary follows at the end of the input.  Needs the [templates] extra
  --with-templates  with --json: "template" and "template_id" added to each line's object
              (the template as it stands when the line is printed)

exit status: 0 ok, 1 an input could not be read or the output not written (a full disk),
2 usage error or unusable model,
130 interrupted, 141 output closed early (e.g. '| head'), 70 internal error.
"""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _latency(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0: {text!r}")
    return value


def _selection(text: str):
    from .render import Selection

    try:
        return Selection(text)
    except UsageError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _version() -> str:
    from . import __version__

    return f"{PROG} {__version__}"


class _VersionAction(argparse.Action):
    """--version, resolved only when asked (reading package metadata costs import time)."""

    def __init__(self, option_strings, dest, **kw):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kw)

    def __call__(self, parser, namespace, values, option_string=None):
        print(_version())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (its --help is the CLI's reference summary)."""
    p = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", metavar="FILE", help="input files ('-' is standard input)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="JSON Lines output (see below)")
    mode.add_argument("--tsv", action="store_true", help="all fields, tab-separated")
    mode.add_argument("--marked", action="store_true",
                      help="each line with its fields marked ⟦…⟧, to correct and teach from")
    mode.add_argument("-f", "--fields", type=_selection, metavar="LIST",
                      help="selected fields, tab-separated: -f 1,3-5,-1 is fields 1, 3 to 5, "
                           "and the last; a name is a key's value: -f status,time")
    p.add_argument("--templates", action="store_true",
                   help="print the message templates (most frequent first) instead of lines")
    p.add_argument("--with-templates", action="store_true",
                   help="with --json: add \"template\" and \"template_id\" to each line")
    p.add_argument("--model-info", action="store_true",
                   help="print the model's metadata (sizes, vocabulary, training, evaluation) "
                        "and exit; with --json as JSON")
    p.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto",
                   help="colour the default output: auto (terminal, unless NO_COLOR is set), "
                        "always, never (default: %(default)s)")
    p.add_argument("--model", metavar="PATH",
                   help="ONNX model (default: the model shipped with logsplit)")
    p.add_argument("--batch-size", type=_positive_int, default=defaults.BATCH_SIZE, metavar="N",
                   help="lines per batch (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                   help="model calls run in N parallel workers; output order is unchanged "
                        f"(default: the cores available, at most {defaults.MAX_JOBS})")
    p.add_argument("--max-latency", type=_latency, default=defaults.MAX_LATENCY, metavar="SEC",
                   help="flush a partial batch once its oldest line waited this long "
                        "(default: %(default)s)")
    p.add_argument("--version", action=_VersionAction, help="print the version and exit")
    return p


def use_color(choice: str, stream, environ) -> bool:
    """Whether the default output is coloured: --color, then NO_COLOR, then is it a terminal.

    >>> use_color("auto", sys.stdout, {"NO_COLOR": "1"})
    False
    """
    if choice == "always":
        return True
    if choice == "never" or environ.get("NO_COLOR", "") != "":
        return False
    if environ.get("TERM", "") in ("dumb", "unknown"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _check_templates(args) -> None:
    """--templates goes alone or with --json; --with-templates needs --json."""
    if args.templates and (args.tsv or args.marked or args.fields is not None
                           or args.with_templates):
        raise UsageError("--templates prints templates: it goes alone or with --json")
    if args.with_templates and not args.json:
        raise UsageError("--with-templates needs --json")


def _is_stream(source: str) -> bool:
    """Whether an input is a stream (a pipe, a terminal...) rather than a regular file."""
    import stat

    try:
        mode = os.fstat(0).st_mode if source == "-" else os.stat(source).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode)


def _renderer(args, sources: list[str], stdout, environ):
    from . import render

    names = sources if len(sources) > 1 else None
    if args.templates:
        from .templates import SummaryRenderer

        return SummaryRenderer(args.json, any(map(_is_stream, sources)), names)
    if args.json and args.with_templates:
        from .templates import WithTemplatesRenderer

        return WithTemplatesRenderer(render.JsonRenderer(names))
    if args.json:
        return render.JsonRenderer(sources if len(sources) > 1 else None)
    if args.tsv:
        return render.TsvRenderer()
    if args.marked:
        return render.MarkedRenderer()
    if args.fields is not None:
        return render.TsvRenderer(args.fields)
    if use_color(args.color, stdout, environ):
        dumb = environ.get("TERM", "") in ("dumb", "unknown")
        return render.StyledRenderer("standard" if dumb else "auto")
    return render.PlainRenderer()


def _outline(value, indent: str = "  ") -> list[str]:
    """Nested metadata as indented ``key: value`` lines (lists of scalars on one line)."""
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item and not _scalars(item):
                lines.append(f"{indent}{key}:")
                lines += _outline(item, indent + "  ")
            else:
                lines.append(f"{indent}{key}: {_scalar_text(item)}")
    elif isinstance(value, list) and not _scalars(value):
        for i, item in enumerate(value):
            lines.append(f"{indent}- [{i}]")
            lines += _outline(item, indent + "  ")
    else:
        lines.append(f"{indent}{_scalar_text(value)}")
    return lines


def _scalars(value) -> bool:
    return isinstance(value, list) and all(not isinstance(x, (dict, list)) for x in value)


def _scalar_text(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar_text(x) for x in value) + "]"
    if value is None:
        return "-"
    return str(value)


def _model_info(splitter, as_json: bool) -> str:
    info = splitter.model.info()
    info["window"] = {"window": splitter.window, "context": splitter.context}
    if as_json:
        import json

        return json.dumps(info, ensure_ascii=False) + "\n"
    sizes = info["sizes"]
    vocab = info["vocab"]
    lines = [
        f"model:       {info['path']}",
        f"format:      {info['format']}",
        f"labels:      {' '.join(info['labels'])}",
        "sizes:       " + (", ".join(f"{k}={v}" for k, v in sizes.items())
                           if isinstance(sizes, dict) else str(sizes)),
        f"max_len:     {info['max_len']} (training window; runtime window {splitter.window}, "
        f"context {splitter.context})",
        f"vocabulary:  {info['vocab_size']} ids, version {vocab.get('version')}, "
        f"{len(vocab.get('chars', ''))} own characters, digits "
        f"{'normalised' if vocab.get('normalise_digits') else 'kept'}",
    ]
    route = info.get("route")
    if route:
        lines.append(f"route:       taught model: lines shaped like its {route['taught_shapes']} "
                     f"taught shape(s) (similarity >= {route['tau']:.2f}) go to its own network, "
                     f"every other line to the base model it carries ({route['base']})")
    for key in ("training", "evaluation"):
        value = info[key]
        if isinstance(value, (dict, list)) and value:
            lines.append(f"{key}:")
            lines += _outline(value)
        else:
            lines.append(f"{key + ':':<12} {_scalar_text(value)}")
    for key, value in info["other_metadata"].items():
        lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"


def _err(message: str) -> None:
    try:
        sys.stderr.write(f"{PROG}: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def run(argv=None, *, stdout=None, environ=None) -> int:
    """Parse ``argv`` and do the work; returns the exit status (exceptions propagate)."""
    environ = os.environ if environ is None else environ
    args = build_parser().parse_args(argv)
    _check_templates(args)
    stdout = stdout if stdout is not None else sys.stdout
    if stdout is None:
        raise LogsplitError("standard output is closed")
    out = stdout.buffer if hasattr(stdout, "buffer") else stdout
    sources = args.files or ["-"]

    from .batching import Batcher, batches
    from .reader import Reader

    # Reading starts first: the input arrives while numpy, onnxruntime and the model load.
    reader = None if args.model_info else Reader(sources)
    from .splitter import Splitter

    splitter = Splitter(args.model, batch_size=args.batch_size, jobs=args.jobs)
    if args.model_info:
        out.write(_model_info(splitter, args.json).encode("utf-8", "backslashreplace"))
        out.flush()
        return EXIT_OK
    renderer = _renderer(args, sources, stdout, environ)
    render = renderer.render
    failed = []

    def on_error(source: int, reason: str) -> None:
        _err(f"{sources[source]}: {reason}")
        failed.append(source)

    queue = deque()  # the batches whose results come next, in order

    def lines_of_batches():
        for batch in batches(reader, Batcher(args.batch_size, args.max_latency), on_error):
            queue.append(batch)
            yield batch.lines

    write, flush = out.write, out.flush
    # Processing a line creates no reference cycles, so the cyclic garbage collector only
    # costs time here (it rescans the growing cache): off while lines flow.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for results in splitter.stream(lines_of_batches()):  # one batch at a time, as it comes
            data = render(queue.popleft(), results).encode("utf-8", "backslashreplace")
            try:
                write(data)
                flush()
            except BrokenPipeError:
                raise
            except OSError as e:
                raise OutputError(f"cannot write output: {e.strerror or e}") from None
        finish = getattr(renderer, "finish", None)  # --templates: the summary at the end
        if finish is not None:
            try:
                write(finish().encode("utf-8", "backslashreplace"))
                flush()
            except BrokenPipeError:
                raise
            except OSError as e:
                raise OutputError(f"cannot write output: {e.strerror or e}") from None
    finally:
        if collecting:
            gc.enable()
        splitter.close()
    return EXIT_INPUT if failed else EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail noisily."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv=None) -> int:
    """Entry point of the ``logsplit`` console script; returns the exit status.

    Called by the console script itself (``sys.exit(main())``), it ends the process right after
    flushing (see :func:`exit_now`): nothing can run after that call anyway.
    """
    code = _main(argv)
    if argv is None and _called_as_console_script():
        exit_now(code)
    return code


def _main(argv) -> int:
    try:
        return run(argv)
    except KeyboardInterrupt:
        _silence_stdout()
        return EXIT_INTERRUPT
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE
    except OutputError as e:  # a full disk: one line, exit 1
        _err(str(e))
        _silence_stdout()
        return EXIT_OUTPUT
    except LogsplitError as e:  # ModelError, UsageError: one line, exit 2
        _err(str(e))
        return EXIT_USAGE
    except SystemExit:
        raise
    except Exception as e:  # a bug: one line, no traceback, unless LOGSPLIT_DEBUG is set
        if os.environ.get("LOGSPLIT_DEBUG"):
            raise
        _err(f"internal error: {type(e).__name__}: {e} (set LOGSPLIT_DEBUG=1 for a traceback)")
        return EXIT_INTERNAL


def exit_now(code: int) -> None:
    """Flush stdout and stderr, then end the process with ``os._exit(code)``.

    Skipping the interpreter's teardown (freeing onnxruntime, numpy and every module) saves
    tens of milliseconds per run, which is a large share of a short input's time.  Not done
    while coverage measures the process (it saves its data at exit).
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            _silence_stdout()
            code = code or EXIT_PIPE
        except OSError as e:
            if stream is sys.stdout:
                _err(f"cannot write output: {e.strerror or e}")
                _silence_stdout()
                code = code or EXIT_OUTPUT
        except (ValueError, AttributeError):
            pass
    if "coverage" in sys.modules:
        sys.exit(code)
    os._exit(code)


def _called_as_console_script() -> bool:
    """Whether main() was called as ``sys.exit(main())`` at the top level of ``__main__``."""
    try:
        frame = sys._getframe(2)
        if frame.f_code.co_name != "<module>" or frame.f_globals.get("__name__") != "__main__":
            return False
        import linecache

        line = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
        return line == "sys.exit(main())"
    except (AttributeError, ValueError, OSError):
        return False
