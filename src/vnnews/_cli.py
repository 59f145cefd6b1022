"""The ``vnnews`` command line: ``vnnews parse [PATH ...]``.

Every input becomes one ``(label, loader)`` item; a single loop calls each
loader, writes the article it returns and reports what it raises, so that one
bad input never stops the others.  Output is UTF-8 whatever the locale.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import IO, Protocol

from ._errors import ParseError, VnnewsError
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
TEXT_SEPARATOR = "\n----\n\n"

_PARSE_DESCRIPTION = """\
Parse Vietnamese news articles and write them as JSON Lines, JSON or text.

Articles are written in the order of the inputs: the --example article first,
then each PATH in turn.  A directory stands for the files below it, at any
depth, whose names match --glob, sorted by their path relative to the
directory, component by component.  Output is UTF-8 whatever the locale.

output formats:
  jsonl  (default) one JSON object per line, one line per article
  json   a single JSON array of objects, indented by 2 spaces; always an
         array, even for one article or none
  text   each article as plain text; articles are separated by a blank
         line, a line '----' and a blank line
"""

_PARSE_EPILOG = """\
An input that cannot be read or parsed is reported on standard error as
'vnnews: error: PATH: MESSAGE' and skipped; the other inputs are still
written.  A directory with no matching files writes nothing and is not an
error.

exit status: 0 if every input parsed, 1 if any input could not be read or
parsed or the output could not be written, 2 for a usage error, 130 if
interrupted.
"""


class _Sink(Protocol):
    """Where output text goes: a text stream, or :class:`_Utf8Sink`."""

    def write(self, text: str, /) -> object: ...
    def flush(self) -> object: ...


class _Utf8Sink:
    """Writes text as UTF-8 bytes to a binary stream that it never closes.

    Encoding here, rather than wrapping the stream in an ``io.TextIOWrapper``,
    leaves ``sys.stdout`` as it was: nothing to detach, nothing that closes
    the real standard output when garbage-collected, and a line feed stays a
    line feed on every platform.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def write(self, text: str, /) -> object:
        return self._raw.write(text.encode("utf-8", "backslashreplace"))

    def flush(self) -> object:
        return self._raw.flush()


# --- output formats -------------------------------------------------------------


class _Writer:
    """Writes articles one at a time, in one output format."""

    def __init__(self, out: _Sink) -> None:
        self.out = out
        self.count = 0

    def start(self) -> None:
        """Write whatever comes before the first article."""

    def add(self, article: Article) -> None:
        """Write one article, then flush so that a pipe sees it at once."""
        self._write(article)
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        """Write whatever comes after the last article."""
        self.out.flush()

    def _write(self, article: Article) -> None:
        raise NotImplementedError


class _JsonLinesWriter(_Writer):
    def _write(self, article: Article) -> None:
        self.out.write(to_json(article))
        self.out.write("\n")


class _JsonArrayWriter(_Writer):
    """The same text as ``json.dumps([...], indent=2, ensure_ascii=False)``, streamed."""

    def start(self) -> None:
        self.out.write("[")

    def _write(self, article: Article) -> None:
        item = to_json(article, indent=2).replace("\n", "\n  ")
        self.out.write(",\n  " if self.count else "\n  ")
        self.out.write(item)

    def finish(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")
        super().finish()


class _TextWriter(_Writer):
    def _write(self, article: Article) -> None:
        if self.count:
            self.out.write(TEXT_SEPARATOR)
        self.out.write(to_text(article).rstrip("\n"))
        self.out.write("\n")


_WRITERS: dict[str, type[_Writer]] = {
    "jsonl": _JsonLinesWriter,
    "json": _JsonArrayWriter,
    "text": _TextWriter,
}


# --- inputs ---------------------------------------------------------------------

Loader = Callable[[], Article]


def _inputs(
    paths: Sequence[str], *, example: bool, pattern: str, skip: Path | None
) -> Iterator[tuple[str, Loader]]:
    """Each input as ``(label, loader)``, in output order; nothing is read yet.

    A directory is listed only when the loop reaches it.  A listing that
    fails becomes an item whose loader raises the error, so the loop reports
    it like any other.  ``skip`` is the output file, never read as an input
    when found in a directory.
    """
    if example:
        yield EXAMPLE_LABEL, lambda: parse(example_text())
    for arg in paths:
        if arg == STDIN:
            yield STDIN_LABEL, _read_stdin
        elif arg and Path(arg).is_dir():  # Path("") is "."
            try:
                found = _directory_files(Path(arg), pattern, skip)
            except OSError as exc:
                yield arg, _raiser(exc)
                continue
            for file in found:
                yield str(file), _file_loader(file)
        else:
            yield arg, _file_loader(Path(arg))


def _directory_files(root: Path, pattern: str, skip: Path | None) -> list[Path]:
    """List the files below ``root`` matching ``pattern``, sorted by relative path."""
    with os.scandir(root):  # rglob hides an unreadable top directory; this does not
        pass
    files = [path for path in root.rglob(pattern) if path.is_file()]
    if skip is not None:
        files = [path for path in files if path.resolve() != skip]
    return sorted(files, key=lambda path: path.relative_to(root).parts)


def _file_loader(path: Path) -> Loader:
    return lambda: parse_file(path)


def _raiser(exc: BaseException) -> Loader:
    def load() -> Article:
        raise exc

    return load


def _read_stdin() -> Article:
    stdin = sys.stdin
    if stdin is None:
        raise ParseError("there is no standard input")
    buffer: IO[bytes] | None = getattr(stdin, "buffer", None)
    if buffer is None:  # replaced by a text-only stream
        return parse(stdin.read())
    return parse(buffer.read())


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


def _report(label: str, message: str) -> None:
    stderr = sys.stderr
    if stderr is not None:
        stderr.write(f"vnnews: error: {label}: {message}\n")
        stderr.flush()


def _run(args: argparse.Namespace, out: _Sink, skip: Path | None) -> int:
    writer = _WRITERS[args.format](out)
    status = EXIT_OK
    writer.start()
    for label, load in _inputs(args.paths, example=args.example, pattern=args.glob, skip=skip):
        try:
            article = load()
        except (VnnewsError, OSError) as exc:
            status = EXIT_FAILED
            if not args.quiet:
                _report(label, _describe(exc))
            continue
        writer.add(article)
    writer.finish()
    return status


def _run_to_stdout(args: argparse.Namespace) -> int:
    stdout = sys.stdout
    if stdout is None:  # pythonw: nowhere to write, but errors still count
        with Path(os.devnull).open("wb") as devnull:
            return _run(args, _Utf8Sink(devnull), None)
    buffer: IO[bytes] | None = getattr(stdout, "buffer", None)
    stdout.flush()  # whatever was written before comes first
    out: _Sink = stdout if buffer is None else _Utf8Sink(buffer)
    try:
        return _run(args, out, None)
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
        with Path(target).open(
            "w", encoding="utf-8", newline="\n", errors="backslashreplace"
        ) as out:
            return _run(args, out, Path(target).resolve())
    except OSError as exc:  # opening, writing or closing the output; inputs report their own
        _report(target, _describe(exc))
        return EXIT_FAILED


def _glob_pattern(pattern: str) -> str:
    """Check a ``--glob`` pattern here, not when pathlib meets it mid-run."""
    if not pattern or PurePath(pattern).is_absolute():
        msg = f"a pattern must be non-empty and relative: {pattern!r}"
        raise argparse.ArgumentTypeError(msg)
    return pattern


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
        help="parse articles and write them as JSON Lines, JSON or text",
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
        "-q",
        "--quiet",
        action="store_true",
        help="do not report unreadable inputs on standard error (the exit status still does)",
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
