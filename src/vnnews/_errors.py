"""The library's errors: one root, each a ``ValueError`` where bad input is the cause."""

from __future__ import annotations

__all__ = ["DecodeError", "ParseError", "SchemaError", "VnnewsError"]


class VnnewsError(Exception):
    """Root of every error vnnews raises on purpose."""

    __module__ = "vnnews"


class ParseError(VnnewsError, ValueError):
    """Text that cannot be read as an article.

    ``line`` and ``column`` are 1-based and point into the input, when known;
    ``source`` names the file or stream the text came from, when known.
    """

    __module__ = "vnnews"

    def __init__(
        self,
        msg: str,
        *,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
    ) -> None:
        self.msg = msg
        self.line = line
        self.column = column
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
            if self.column is not None:
                where.append(f"column {self.column}")
        return f"{self.msg} ({', '.join(where)})" if where else self.msg

    def with_source(self, source: str) -> ParseError:
        """The same error, naming where the text came from."""
        err = type(self)(self.msg, line=self.line, column=self.column, source=source)
        err.__cause__ = self.__cause__
        return err

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.msg, self.line, self.column, self.source))


def _rebuild(
    cls: type[ParseError], msg: str, line: int | None, column: int | None, source: str | None
) -> ParseError:
    return cls(msg, line=line, column=column, source=source)


class DecodeError(ParseError):
    """Bytes whose text encoding could not be determined or decoded."""

    __module__ = "vnnews"


class SchemaError(VnnewsError, ValueError):
    """A dict or JSON document that does not describe a valid value.

    ``errors`` lists one message per bad field, each starting with the field's
    path, such as ``$.people[2].positions[0].title``.
    """

    __module__ = "vnnews"

    def __init__(self, msg: str, errors: tuple[str, ...] = ()) -> None:
        self.msg = msg
        self.errors = errors
        super().__init__(msg if not errors else f"{msg}: " + "; ".join(errors))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.msg, self.errors))
