"""Articles as JSON-LD in schema.org terms, for linked-data stores and search engines.

The mapping, field by field:

* the Article is a ``NewsArticle``: ``headline`` (title), ``datePublished``
  (ISO 8601, as in JSON), ``description`` (lead), ``articleBody`` (lead and
  paragraphs), ``url``, ``author`` (``Person``), ``sourceOrganization``
  (``Organization``: the source), ``creditText`` (credits), ``keywords``
  (tags) and ``inLanguage`` ``vi``;
* each person is a ``Person`` in ``mentions``: ``name``, ``familyName``,
  ``additionalName`` (middle names), ``givenName``, ``honorificPrefix``
  (rank, honorific), ``jobTitle`` (every position title as written) and
  ``affiliation`` (the ``Organization`` of each current position);
* each document is a ``Legislation`` in ``citation``: ``name`` (kind and
  number, else the name as written), ``alternateName`` (the citation as
  written), ``legislationType`` (kind), ``legislationIdentifier`` (number),
  ``legislationDate`` (issued), ``legislationPassedBy`` (issuer,
  ``Organization``) and ``about`` (subject);
* each event is an ``Event`` in ``about`` (what the article reports):
  ``name`` (kind), ``startDate`` (the date, with the time when known, in
  local time), ``location`` (a ``Place`` named as written, with the province
  as ``addressRegion``) and ``attendee`` (chairs and participants).

Absent values are left out, not written as null.  JSON-LD is for reading
elsewhere: :func:`vnnews.from_json` does not read it back, and mentions,
warnings, captions, extra header fields, terms and provisions are not in it.
"""

from __future__ import annotations

from typing import Any, Final

from ._model import Article, Document, Event, Person

__all__ = ["to_jsonld"]

CONTEXT: Final = "https://schema.org"


def _put(node: dict[str, Any], key: str, value: object) -> None:
    """Set ``key`` unless ``value`` is None or empty."""
    if value is None or value in ((), [], ""):
        return
    node[key] = list(value) if isinstance(value, tuple) else value


def _organisation(name: str | None) -> dict[str, Any] | None:
    return None if name is None else {"@type": "Organization", "name": name}


def _person(person: Person) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Person", "name": person.name}
    _put(node, "familyName", person.family)
    _put(node, "additionalName", person.middle)
    _put(node, "givenName", person.given)
    _put(node, "honorificPrefix", tuple(p for p in (person.rank, person.honorific) if p))
    _put(node, "jobTitle", tuple(position.title for position in person.positions))
    affiliations = dict.fromkeys(
        position.organisation
        for position in person.positions
        if position.organisation and not position.former
    )
    _put(node, "affiliation", tuple(_organisation(name) for name in affiliations))
    return node


def _legislation(document: Document) -> dict[str, Any]:
    name = f"{document.kind} {document.number}" if document.number else document.as_written
    node: dict[str, Any] = {"@type": "Legislation", "name": name or document.kind}
    if document.as_written != node["name"]:
        _put(node, "alternateName", document.as_written)
    _put(node, "legislationType", document.kind)
    _put(node, "legislationIdentifier", document.number)
    _put(node, "legislationDate", document.issued and document.issued.isoformat())
    _put(node, "legislationPassedBy", _organisation(document.issuer))
    _put(node, "about", document.subject)
    return node


def _event(event: Event) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Event"}
    _put(node, "name", event.kind)
    if event.date is not None:
        start = event.date.isoformat()
        if event.time is not None:
            start += "T" + event.time.isoformat()
        node["startDate"] = start
    if event.location is not None or event.province is not None:
        place: dict[str, Any] = {"@type": "Place"}
        _put(place, "name", event.location or event.province)
        if event.province is not None:
            place["address"] = {
                "@type": "PostalAddress",
                "addressRegion": event.province,
                "addressCountry": "VN",
            }
        node["location"] = place
    names = dict.fromkeys((*event.chairs, *event.participants))
    _put(node, "attendee", tuple({"@type": "Person", "name": name} for name in names))
    return node


def to_jsonld(article: Article, /) -> dict[str, Any]:
    """The article as a schema.org ``NewsArticle`` JSON-LD object (with its ``@context``).

    >>> import vnnews
    >>> node = vnnews.to_jsonld(vnnews.parse(vnnews.example_text()))
    >>> node["@type"], node["datePublished"]
    ('NewsArticle', '2018-06-12T08:55:00+07:00')
    >>> first, *_ = node["citation"]
    >>> first["@type"], first["legislationIdentifier"]
    ('Legislation', '25-NQ/TW')
    """
    if not isinstance(article, Article):
        msg = f"to_jsonld takes an Article, not {type(article).__name__}"
        raise TypeError(msg)
    node: dict[str, Any] = {"@context": CONTEXT, "@type": "NewsArticle", "inLanguage": "vi"}
    _put(node, "headline", article.title)
    _put(node, "datePublished", article.published and article.published.isoformat())
    _put(node, "description", article.lead)
    _put(node, "articleBody", article.body)
    _put(node, "url", article.url)
    _put(node, "author", tuple({"@type": "Person", "name": name} for name in article.authors))
    _put(node, "sourceOrganization", _organisation(article.source))
    _put(node, "creditText", "; ".join(article.credits))
    _put(node, "keywords", article.tags)
    _put(node, "mentions", tuple(_person(person) for person in article.people))
    _put(node, "citation", tuple(_legislation(document) for document in article.documents))
    _put(node, "about", tuple(_event(event) for event in article.events))
    return node
