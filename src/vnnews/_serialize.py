"""Dicts, JSON and JSON Lines: one cattrs converter for every type.

Dates and times are ISO 8601 strings: ``published`` is ``YYYY-MM-DD`` for a
plain date and ``YYYY-MM-DDTHH:MM:SS+07:00`` for an aware datetime.  Input is
checked strictly: a wrong type, a missing key or an unknown key is a
:class:`~vnnews.SchemaError` that names the path of the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time
from typing import IO, Any, Final, TypeVar, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

from ._errors import SchemaError
from ._model import Article, Document, Event, Mention, ParseWarning, Person, Position

__all__ = ["dump_jsonl", "from_dict", "from_json", "load_jsonl", "to_dict", "to_json"]

T = TypeVar("T")

_TYPES = (Article, Person, Position, Document, Event, Mention, ParseWarning)


def _strict(kind: type) -> Any:
    def structure(value: object, _: object) -> object:
        # bool is an int in Python; JSON knows better.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            msg = f"expected {kind.__name__}, got {type(value).__name__}"
            raise TypeError(msg)
        return value

    return structure


_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME: Final = r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
_ISO_CLOCK: Final = re.compile(_ISO_TIME)
_ISO_MOMENT: Final = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}T{_ISO_TIME}(?:Z|[+-]\d{{2}}:\d{{2}})")


def _text(value: object, shape: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str):
        msg = f"expected {what}, got {type(value).__name__}"
        raise TypeError(msg)
    if not shape.fullmatch(value):
        msg = f"expected {what}: {value!r}"
        raise ValueError(msg)
    return value


def _structure_date(value: object, _: object) -> date:
    return date.fromisoformat(_text(value, _ISO_DATE, "a date YYYY-MM-DD"))


def _structure_time(value: object, _: object) -> time:
    return time.fromisoformat(_text(value, _ISO_CLOCK, "a time HH:MM[:SS]"))


def _structure_published(value: object, _: object) -> datetime | date | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return date.fromisoformat(value)
    what = "null, a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SS+HH:MM"
    return datetime.fromisoformat(_text(value, _ISO_MOMENT, what))


def _structure_tuple(kind: Any) -> Any:
    """Tuples are JSON arrays: a string or an object where one belongs is refused."""
    item = get_args(kind)[0]

    def structure(value: object, _: object) -> tuple[object, ...]:
        if not isinstance(value, list | tuple):
            msg = f"expected an array, got {type(value).__name__}"
            raise TypeError(msg)
        out, errors = [], []
        for index, member in enumerate(value):
            try:
                out.append(_CONVERTER.structure(member, item))
            except Exception as exc:  # noqa: BLE001 - collected and re-raised with its index
                note = IterableValidationNote(f"Structuring {kind} @ index {index}", index, item)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(out)

    return structure


def _is_variadic_tuple(kind: object) -> bool:
    return get_origin(kind) is tuple and get_args(kind)[-1:] == (...,)


def _structure_pair(value: object, _: object) -> tuple[str, str]:
    if not isinstance(value, list | tuple) or len(value) != 2:  # noqa: PLR2004
        msg = "expected a [key, value] pair"
        raise ValueError(msg)
    key, text = value
    if not isinstance(key, str) or not isinstance(text, str):
        msg = "expected a [key, value] pair of strings"
        raise TypeError(msg)
    return (key, text)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    for scalar in (str, int, bool):
        conv.register_structure_hook(scalar, _strict(scalar))
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(time, _structure_time)
    conv.register_structure_hook_func(lambda t: t == tuple[str, str], _structure_pair)
    # Our tuples are JSON arrays; cattrs alone would take a string or an object for one.
    conv.register_structure_hook_factory(_is_variadic_tuple, _structure_tuple)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(time, time.isoformat)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(datetime | date | None, _structure_published)
    conv.register_unstructure_hook(
        datetime | date | None, lambda v: None if v is None else v.isoformat()
    )
    conv.register_unstructure_hook_func(
        lambda t: t == tuple[tuple[str, str], ...], lambda pairs: [list(p) for p in pairs]
    )
    # Built on first use (cattrs caches it): a command that only writes JSON
    # does not pay for generating the readers at start-up.
    conv.register_structure_hook_factory(
        lambda t: t in _TYPES, lambda kind: _all_keys(kind, make_dict_structure_fn(kind, conv))
    )
    return conv


def _all_keys(kind: type, structure: Any) -> Any:
    """Wrap a structure function so that an input lacking any field is refused.

    Written output always carries every key; an absent one means the input
    was not written by us, or was damaged, and a default would hide that.
    """
    names = frozenset(field.name for field in attrs.fields(kind))

    def checked(value: object, cls: type) -> object:
        if isinstance(value, dict):
            missing = names.difference(value)
            if missing:
                msg = f"missing keys: {', '.join(sorted(missing))}"
                raise ValueError(msg)
        elif not isinstance(value, Mapping):
            msg = f"expected an object, got {type(value).__name__}"
            raise TypeError(msg)
        return structure(value, cls)

    return checked


def _describe(exc: BaseException, type_: type | None) -> str:
    """One error's message for :func:`cattrs.transform_error`."""
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TypeError | ValueError) and exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return format_exception(exc, type_)


_CONVERTER = _make_converter()


def to_dict(value: object, /) -> dict[str, Any]:
    """Turn an :class:`Article` (or any vnnews value) into plain JSON-ready data."""
    if not isinstance(value, _TYPES):
        msg = f"to_dict takes a vnnews value, not {type(value).__name__}"
        raise TypeError(msg)
    out: dict[str, Any] = _CONVERTER.unstructure(value)
    return out


@overload
def from_dict(data: object, /) -> Article: ...
@overload
def from_dict(data: object, /, cls: type[T]) -> T: ...
def from_dict(data: object, /, cls: type[Any] = Article) -> Any:
    """Build a value of ``cls`` (an :class:`Article` by default) from plain data.

    Raises :class:`SchemaError` naming each bad field's path.
    """
    if cls not in _TYPES:
        msg = f"from_dict builds a vnnews type, not {cls!r}"
        raise TypeError(msg)
    if not isinstance(data, dict):
        msg = f"expected an object for {cls.__name__}"
        raise SchemaError(msg, (f"$: got {type(data).__name__}",))
    try:
        return _CONVERTER.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        errors = tuple(cattrs.transform_error(exc, path="$", format_exception=_describe))
        raise SchemaError(f"invalid {cls.__name__}", errors) from None
    except (TypeError, ValueError) as exc:  # raised by a validator outside cattrs' reach
        raise SchemaError(f"invalid {cls.__name__}", (f"{exc} @ $",)) from None


def to_json(value: object, /, *, indent: int | None = None) -> str:
    """The value as a JSON document (UTF-8 friendly: Vietnamese letters are not escaped)."""
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent)


@overload
def from_json(text: str | bytes, /) -> Article: ...
@overload
def from_json(text: str | bytes, /, cls: type[T]) -> T: ...
def from_json(text: str | bytes, /, cls: type[Any] = Article) -> Any:
    """Read a value written by :func:`to_json`; raises :class:`SchemaError`."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SchemaError("not a JSON document", (f"$: {exc}",)) from None
    return from_dict(data, cls)


def dump_jsonl(articles: Iterable[Article], fp: IO[str], /) -> int:
    """Write one JSON object per line to the text stream ``fp``; return how many."""
    count = 0
    for article in articles:
        fp.write(to_json(article))
        fp.write("\n")
        count += 1
    return count


def load_jsonl(lines: Iterable[str], /) -> Iterator[Article]:
    """Read Articles from JSON Lines (a text stream or any iterable of lines).

    Blank lines are skipped; a bad line raises :class:`SchemaError` naming
    its line number.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield from_json(line)
        except SchemaError as exc:
            raise SchemaError(f"line {number}: {exc.msg}", exc.errors) from None
