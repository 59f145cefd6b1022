"""The ``vnnews`` command line: ``vnnews parse [PATH ...]``.

Every input becomes one picklable :class:`_Task`, in output order.  Worker
processes (or this process, for ``--jobs 1`` and small batches) read, parse
and serialize a chunk of tasks at a time and send back text, or an error
message; the parent only writes, in input order, so that one bad input never
stops the others and memory stays flat over millions of files.  Output is
UTF-8 whatever the locale.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import os
import sys
import time
from collections.abc import Generator, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path, PurePath
from typing import IO, Any, Final, NamedTuple, Protocol

from ._batch import Progress, WorkerError, default_jobs, ordered_map
from ._errors import ParseError, VnnewsError
from ._jsonld import to_jsonld
from ._model import Article
from ._parse import example_text, parse, parse_file
from ._serialize import to_json
from ._text import to_text

__all__ = ["main"]

#: The exit statuses, as documented in ``vnnews parse --help``.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

STDIN = "-"
STDIN_LABEL = "<stdin>"
EXAMPLE_LABEL = "<example>"
TEXT_SEPARATOR = b"\n----\n\n"

#: Inputs per chunk sent to a worker: each chunk costs the parent a round trip
#: to a worker, against some 20 ms to parse its 32 articles (16 and 64 were no faster).
CHUNK: Final = 32
#: The batch size below which no workers are started: a pool costs more to
#: start than a few articles do to parse.
POOL_THRESHOLD: Final = 16

_EMPTY_ARTICLE: Final = Article()

_PARSE_DESCRIPTION = """\
Parse Vietnamese news articles and write them as JSON Lines, JSON, JSON-LD,
text or Parquet.

Articles are written in the order of the inputs: the --example article first,
then each PATH in turn.  A directory stands for the files below it, at any
depth, whose names match --glob, sorted by their path relative to the
directory, component by component.  Output is UTF-8 whatever the locale.

Inputs are parsed by --jobs worker processes (default: every core); batches
of fewer than 16 inputs, and --jobs 1, are parsed in this process.  On a
terminal, a progress line (count, rate, ETA) is drawn on standard error.

output formats:
  jsonl   (default) one JSON object per line, one line per article
  json    a single JSON array of objects, indented by 2 spaces; always an
          array, even for one article or none
  jsonld  JSON-LD with schema.org terms: one NewsArticle object per line
          (JSON Lines), each with its own @context
  text    each article as plain text; articles are separated by a blank
          line, a line '----' and a blank line
  parquet an Apache Parquet file, one row per article (needs --output and
          'pip install vnnews[parquet]')
"""

_PARSE_EPILOG = """\
An input that cannot be read or parsed, or holds no article text (an empty
file), is reported on standard error as 'vnnews: error: PATH: MESSAGE' and
skipped; the other inputs are still written, unless --fail-fast stops at the
first.  A directory with no matching files writes nothing and is not an
error.  At the end, a summary 'vnnews: parsed N, failed M in T s' is written
on standard error (not with --quiet).

exit status: 0 if every input parsed, 1 if any input could not be read or
parsed or the output could not be written, 2 for a usage error, 130 if
interrupted.
"""


class _Sink(Protocol):
    """Where output goes: UTF-8 bytes, written as they come."""

    def write(self, data: bytes, /) -> object: ...
    def flush(self) -> object: ...


class _TextSink:
    """Passes UTF-8 bytes on to a text stream that has no binary buffer (``io.StringIO``)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, data: bytes, /) -> object:
        return self._stream.write(data.decode("utf-8"))

    def flush(self) -> object:
        return self._stream.flush()


def _encoded(text: str) -> bytes:
    """Output text as UTF-8; encoded in the workers, so that the parent only copies bytes."""
    return text.encode("utf-8", "backslashreplace")


# --- output formats -------------------------------------------------------------


class _Writer:
    """Writes articles one at a time, in one output format.

    :meth:`serialize` runs in the worker processes and must be a static
    method of a module-level class; :meth:`add` writes what it returned.
    """

    def __init__(self, out: _Sink) -> None:
        self.out = out
        self.count = 0

    @staticmethod
    def serialize(article: Article) -> Any:
        """What a worker sends back for ``article``: UTF-8 bytes, in the text formats."""
        raise NotImplementedError

    def start(self) -> None:
        """Write whatever comes before the first article."""

    def add(self, item: Any) -> None:
        """Write one serialized article."""
        self._write(item)
        self.count += 1

    def flush(self) -> None:
        """Pass what was written on, so that a pipe sees it."""
        self.out.flush()

    def finish(self) -> None:
        """Write whatever comes after the last article."""
        self.out.flush()

    def _write(self, item: Any) -> None:
        self.out.write(item)


class _JsonLinesWriter(_Writer):
    @staticmethod
    def serialize(article: Article) -> bytes:
        return _encoded(to_json(article) + "\n")


class _JsonLdWriter(_Writer):
    @staticmethod
    def serialize(article: Article) -> bytes:
        return _encoded(json.dumps(to_jsonld(article), ensure_ascii=False) + "\n")


class _JsonArrayWriter(_Writer):
    """The same text as ``json.dumps([...], indent=2, ensure_ascii=False)``, streamed."""

    @staticmethod
    def serialize(article: Article) -> bytes:
        return _encoded(to_json(article, indent=2).replace("\n", "\n  "))

    def start(self) -> None:
        self.out.write(b"[")

    def _write(self, item: Any) -> None:
        self.out.write(b",\n  " if self.count else b"\n  ")
        self.out.write(item)

    def finish(self) -> None:
        self.out.write(b"\n]\n" if self.count else b"]\n")
        super().finish()


class _TextWriter(_Writer):
    @staticmethod
    def serialize(article: Article) -> bytes:
        return _encoded(to_text(article).rstrip("\n") + "\n")

    def _write(self, item: Any) -> None:
        if self.count:
            self.out.write(TEXT_SEPARATOR)
        self.out.write(item)


class _ParquetWriter(_Writer):
    """Rows sent back by the workers, written in row groups by :mod:`._parquet`."""

    def __init__(self, out: _Sink, path: str) -> None:
        from ._parquet import RowWriter  # noqa: PLC0415 - pyarrow is an optional extra

        super().__init__(out)
        self._rows = RowWriter(path)

    @staticmethod
    def serialize(article: Article) -> Any:
        from ._parquet import to_row  # noqa: PLC0415 - pyarrow is not needed for a row

        return to_row(article)

    def _write(self, item: Any) -> None:
        self._rows.add(item)

    def flush(self) -> None:
        """Rows are written a row group at a time, not per article."""

    def finish(self) -> None:
        self._rows.close()


_WRITERS: dict[str, type[_Writer]] = {
    "jsonl": _JsonLinesWriter,
    "json": _JsonArrayWriter,
    "jsonld": _JsonLdWriter,
    "text": _TextWriter,
    "parquet": _ParquetWriter,
}


# --- inputs ---------------------------------------------------------------------


class _Task(NamedTuple):
    """One input, as sent to a worker.

    A file to read, data read from standard input, the bundled example, or
    the message of an error met while listing a directory.
    """

    label: str
    path: str | None = None
    data: str | bytes | None = None
    error: str | None = None


class _Outcome(NamedTuple):
    """What a worker sends back: the serialized article, or an error message."""

    label: str
    item: Any = None
    error: str | None = None


def _inputs(
    paths: Sequence[str], *, example: bool, pattern: str, skip: Path | None
) -> Iterator[_Task]:
    """Each input as a :class:`_Task`, in output order; files are not read here.

    A directory is listed only when the loop reaches it, one directory at a
    time.  A listing that fails becomes a task carrying the error, reported
    like any other.  ``skip`` is the output file, never read as an input
    when found in a directory.  Standard input is read when its turn comes.
    """
    if example:
        yield _Task(EXAMPLE_LABEL)
    for arg in paths:
        if arg == STDIN:
            yield _read_stdin()
        elif arg and Path(arg).is_dir():  # Path("") is "."
            try:
                for file in _directory_files(Path(arg), pattern, skip):
                    yield _Task(file, path=file)
            except OSError as exc:
                yield _Task(arg, error=_describe(exc))
        else:
            yield _Task(arg, path=arg)


def _count_inputs(paths: Sequence[str], *, example: bool, pattern: str) -> int:
    """How many tasks :func:`_inputs` gives, without reading anything (for the progress bar)."""
    count = int(example)
    for arg in paths:
        if arg != STDIN and arg and Path(arg).is_dir():
            count += sum(1 for _ in _directory_files(Path(arg), pattern, None))
        else:
            count += 1
    return count


def _directory_files(root: Path, pattern: str, skip: Path | None) -> Iterator[str]:
    """The paths of the files below ``root`` matching ``pattern``, sorted by relative path.

    A pattern of one component (``*.txt``) is matched while walking, one
    sorted directory at a time, so that memory holds one directory's names,
    not the whole tree; a pattern with a separator goes through
    :meth:`Path.rglob`.  Broken symbolic links are listed, so that they are
    reported rather than silently dropped.
    """
    with os.scandir(root):  # rglob hides an unreadable top directory; this does not
        pass
    if "/" in pattern or os.sep in pattern:
        files = [path for path in root.rglob(pattern) if path.is_file()]
        files.sort(key=lambda path: path.relative_to(root).parts)
        found: Iterator[str] = map(str, files)
    else:
        found = _walk(str(root), pattern)
    for path in found:
        name = path.rpartition(os.sep)[2]
        if skip is not None and name == skip.name and Path(path).resolve() == skip:
            continue
        yield path


def _walk(directory: str, pattern: str) -> Iterator[str]:
    """Depth first, entries in name order: the order of sorting paths by their parts.

    Paths stay strings (``str(Path(...))`` spelling, as ``directory`` is one):
    a million ``Path`` objects cost the parent more than the listing itself.
    """
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry.path, pattern)
        elif fnmatch.fnmatchcase(entry.name, pattern) and (entry.is_file() or entry.is_symlink()):
            yield entry.path


def _read_stdin() -> _Task:
    stdin = sys.stdin
    if stdin is None:
        return _Task(STDIN_LABEL, error="there is no standard input")
    buffer: IO[bytes] | None = getattr(stdin, "buffer", None)
    try:
        data = stdin.read() if buffer is None else buffer.read()  # text-only stream, or bytes
    except OSError as exc:
        return _Task(STDIN_LABEL, error=_describe(exc))
    return _Task(STDIN_LABEL, data=data)


# --- the work, in a worker process ----------------------------------------------------


def _load(task: _Task) -> Article:
    if task.path is not None:
        article = parse_file(task.path)
    elif task.data is not None:
        article = parse(task.data)
    else:
        article = parse(example_text())
    if article == _EMPTY_ARTICLE:
        raise ParseError("no article text (the input is empty)")
    return article


def _work(chunk: list[_Task], serialize: Any) -> list[_Outcome]:
    """Read, parse and serialize each task; an error becomes an outcome, not an exception."""
    out = []
    for task in chunk:
        if task.error is not None:
            out.append(_Outcome(task.label, error=task.error))
            continue
        try:
            item = serialize(_load(task))
        except (VnnewsError, OSError) as exc:
            out.append(_Outcome(task.label, error=_describe(exc)))
            continue
        out.append(_Outcome(task.label, item))
    return out


class _Job:
    """``_work`` with the output format bound: a picklable callable for the workers."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def __call__(self, chunk: list[_Task]) -> list[_Outcome]:
        return _work(chunk, _WRITERS[self.fmt].serialize)

    def warm_up(self) -> None:
        """Parse and serialize the bundled article, to fill caches before workers fork."""
        _WRITERS[self.fmt].serialize(parse(example_text()))


# --- running --------------------------------------------------------------------


def _describe(exc: VnnewsError | OSError) -> str:
    """Say what went wrong, for ``vnnews: error: LABEL: MESSAGE``, without repeating LABEL."""
    if isinstance(exc, ParseError):
        where = []
        if exc.line is not None:
            where.append(f"line {exc.line}")
            if exc.column is not None:
                where.append(f"column {exc.column}")
        return f"{exc.msg} ({', '.join(where)})" if where else exc.msg
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _report(label: str | None, message: str) -> None:
    """Write ``vnnews: error: LABEL: MESSAGE`` (no ``LABEL:`` for the run as a whole)."""
    stderr = sys.stderr
    if stderr is not None:
        where = "" if label is None else f"{label}: "
        stderr.write(f"vnnews: error: {where}{message}\n")
        stderr.flush()


def _progress(args: argparse.Namespace) -> Progress | None:
    """A progress bar when standard error is a terminal and --quiet is not given."""
    stderr = sys.stderr
    if args.quiet or stderr is None:
        return None
    try:
        if not stderr.isatty():
            return None
    except (AttributeError, ValueError):  # a replaced or closed stream
        return None
    return Progress(stderr)


def _outcomes(args: argparse.Namespace, skip: Path | None) -> Generator[_Outcome]:
    """Every input's outcome, in input order, from workers or from this process."""
    tasks = _inputs(args.paths, example=args.example, pattern=args.glob, skip=skip)
    head = list(islice(tasks, POOL_THRESHOLD))
    jobs = args.jobs if len(head) >= POOL_THRESHOLD else 1
    job = _Job(args.format)
    yield from ordered_map(job, chain(head, tasks), jobs=jobs, chunk=CHUNK, warm_up=job.warm_up)


def _run(args: argparse.Namespace, writer: _Writer, skip: Path | None) -> int:
    started = time.monotonic()
    progress = _progress(args)
    parsed = failed = 0
    writer.start()
    outcomes = _outcomes(args, skip)
    try:
        for outcome in outcomes:
            if outcome.error is None:
                writer.add(outcome.item)
                parsed += 1
            else:
                failed += 1
                if progress is not None:
                    progress.clear()
                if not args.quiet:
                    _report(outcome.label, outcome.error)
            if progress is not None:
                progress.update(failed=outcome.error is not None)
                progress.count_in_background(
                    lambda: _count_inputs(args.paths, example=args.example, pattern=args.glob)
                )
            if failed and args.fail_fast:
                break
            writer.flush()
    finally:
        outcomes.close()  # stops the workers, also on Ctrl-C
        if progress is not None:
            progress.clear()
    writer.finish()
    if not args.quiet and sys.stderr is not None:
        stopped = " (stopped at the first failure)" if failed and args.fail_fast else ""
        seconds = time.monotonic() - started
        sys.stderr.write(f"vnnews: parsed {parsed}, failed {failed} in {seconds:.1f} s{stopped}\n")
        sys.stderr.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _run_to_stdout(args: argparse.Namespace) -> int:
    stdout = sys.stdout
    if stdout is None:  # pythonw: nowhere to write, but errors still count
        with Path(os.devnull).open("wb") as devnull:
            return _run(args, _WRITERS[args.format](devnull), None)
    buffer: IO[bytes] | None = getattr(stdout, "buffer", None)
    stdout.flush()  # whatever was written before comes first
    out: _Sink = _TextSink(stdout) if buffer is None else buffer
    try:
        return _run(args, _WRITERS[args.format](out), None)
    except BrokenPipeError:
        # The reader went away (``vnnews parse ... | head``).  Point standard
        # output at devnull so that the flush at exit cannot fail again; see
        # "Note on SIGPIPE" in the documentation of the signal module.
        _silence_stdout(stdout)
        return EXIT_FAILED
    except OSError as exc:  # such as a full disk; inputs report their own errors
        _silence_stdout(stdout)
        _report("<stdout>", _describe(exc))
        return EXIT_FAILED


def _silence_stdout(stdout: IO[str]) -> None:
    try:
        fd = stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no file descriptor: nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _run_to_file(args: argparse.Namespace, target: str) -> int:
    try:
        if args.format == "parquet":
            with Path(os.devnull).open("wb") as devnull:
                writer = _ParquetWriter(devnull, target)
                return _run(args, writer, Path(target).resolve())
        with Path(target).open("wb") as out:
            return _run(args, _WRITERS[args.format](out), Path(target).resolve())
    except OSError as exc:  # opening, writing or closing the output; inputs report their own
        _report(target, _describe(exc))
        return EXIT_FAILED


def _glob_pattern(pattern: str) -> str:
    """Check a ``--glob`` pattern here, not when pathlib meets it mid-run."""
    if not pattern or PurePath(pattern).is_absolute():
        msg = f"a pattern must be non-empty and relative: {pattern!r}"
        raise argparse.ArgumentTypeError(msg)
    return pattern


def _job_count(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        msg = f"a number of jobs must be a whole number, 1 or more: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return jobs


def _build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    from . import __version__  # noqa: PLC0415 - the package is fully imported by now

    parser = argparse.ArgumentParser(
        prog="vnnews",
        description="Vietnamese news articles as typed, immutable records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    sub = commands.add_parser(
        "parse",
        help="parse articles and write them as JSON Lines, JSON, JSON-LD, text or Parquet",
        description=_PARSE_DESCRIPTION,
        epilog=_PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a file, a directory to search for files matching --glob, or '-' for standard input",
    )
    sub.add_argument(
        "--example",
        action="store_true",
        help="parse the bundled example article (it comes before any PATH)",
    )
    sub.add_argument(
        "--glob",
        default="*.txt",
        type=_glob_pattern,
        metavar="PATTERN",
        help="which files in a directory to parse (default: %(default)s); "
        "files named on the command line are always parsed",
    )
    sub.add_argument(
        "--format",
        choices=tuple(_WRITERS),
        default="jsonl",
        help="the output format (default: %(default)s; see above)",
    )
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to PATH, in UTF-8, instead of standard output",
    )
    sub.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        default=default_jobs(),
        metavar="N",
        help="worker processes that parse in parallel (default: %(default)s, every core); "
        "1 parses in this process",
    )
    sub.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first input that cannot be read or parsed (exit status 1)",
    )
    sub.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress line, no summary and no error messages on standard error "
        "(the exit status still tells)",
    )
    return parser, sub


def _parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser, sub = _build_parsers()
    if argv and argv[0] == "parse":
        # Intermixed, so that ``parse a.txt --format json b.txt`` keeps both paths.
        args = sub.parse_intermixed_args(argv[1:])
        args.command = "parse"
    else:
        args = parser.parse_args(argv)
    if not args.paths and not args.example:
        sub.error("nothing to parse: give a PATH, '-' for standard input, or --example")
    if args.format == "parquet":
        if args.output is None:
            sub.error("--format parquet writes a file: give --output PATH")
        if importlib.util.find_spec("pyarrow") is None:
            sub.error("--format parquet needs pyarrow: pip install 'vnnews[parquet]'")
    return args


def _exit_status(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    if isinstance(exc.code, int):
        return exc.code
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``vnnews`` with ``argv`` (``sys.argv[1:]`` by default); return the exit status.

    Usage errors, ``--help`` and ``--version`` return their status rather
    than raising :class:`SystemExit`.
    """
    try:
        args = _parse_args(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as exc:
        return _exit_status(exc)
    try:
        if args.output is None:
            return _run_to_stdout(args)
        return _run_to_file(args, args.output)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except WorkerError as exc:  # killed, say for want of memory: what was written stands
        _report(None, str(exc))
        return EXIT_FAILED
