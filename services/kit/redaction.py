"""Personal data typed into free text, blanked before the text leaves for someone not entitled.

People write phone numbers into descriptions and notes however they like: 139-1234-5678,
139 1234 5678, １３９１２３４５６７８ from a Chinese keyboard, +86 / 0086 in front, landlines as
010-6512 3456 or (010)65123456; some add an ID number (18 digits, the last may be X). One
function finds them all, for every service: `redact_personal(text)`.

The text is first read through NFKC (full-width digits and brackets become ASCII) with a map
back to the original offsets, so what is blanked is exactly what the person typed and the
rest of the text is left as written. Phone numbers are found by `phonenumbers` (mainland
region, numbers valid for their type, which leaves dates, prices and times alone); regular
expressions catch what it does not: ID numbers, local landlines without an area code
(6512-3456), any run of 7 or more digits, and e-mail addresses.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

MASK = "***"
REGION = "CN"

_PATTERNS = (
    # An ID number: 17 digits and a check character, also written in its 6-8-4 groups.
    re.compile(r"(?<!\d)\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])"),
    # A mobile with any of the usual separators (the library finds most; this is the floor).
    re.compile(r"(?<!\d)(?:\+?86[ -]?|0086[ -]?)?1[3-9]\d[ .-]?\d{4}[ .-]?\d{4}(?!\d)"),
    # A local landline without its area code: 6512-3456, 6512 3456, 6512.3456 (and not a
    # span of years, 2025-2026).
    re.compile(r"(?<![\d.])(?!(?:19|20)\d\d[ .-](?:19|20)\d\d)[2-9]\d{3}[ .-]\d{4}(?![\d.])"),
    # Anything else long enough to be a number someone could call or look up.
    re.compile(r"\d{7,}"),
    re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
)


_MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)
_DIALLED_PREFIXES = frozenset("0+(")


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text in NFKC, and for each of its characters the offset it came from."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        form = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        parts.append(form)
        origin.extend([index] * len(form))
    return "".join(parts), origin


def _written_as_phone(match: phonenumbers.PhoneNumberMatch) -> bool:
    """A mobile, or a landline written with its trunk 0, country code or bracketed area code.

    A landline's area code without the 0 reads like any other number (the 2026-000001 of a
    ticket number is a valid Guangzhou landline to the library), so that is left alone.
    """
    if phonenumbers.number_type(match.number) in _MOBILE_TYPES:
        return True
    return match.raw_string[:1] in _DIALLED_PREFIXES


def _spans(text: str) -> list[tuple[int, int]]:
    spans = [
        (match.start, match.end)
        for match in phonenumbers.PhoneNumberMatcher(
            text, REGION, leniency=phonenumbers.Leniency.VALID
        )
        if _written_as_phone(match)
    ]
    for pattern in _PATTERNS:
        spans.extend(match.span() for match in pattern.finditer(text))
    return spans


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def redact_personal(text: str, mask: str = MASK) -> str:
    """`text` with every phone number, ID number, long digit run and e-mail address in it
    replaced by `mask`; everything else (dates, times, prices, 3号楼2单元501) as written."""
    if not any(char.isdigit() or char in "@＠" for char in text):
        return text
    normal, origin = _normalised(text)
    spans = _merged(_spans(normal))
    if not spans:
        return text
    out: list[str] = []
    cursor = 0
    for start, end in spans:
        first, last = origin[start], origin[end - 1] + 1
        out.append(text[cursor:first])
        if first >= cursor:
            out.append(mask)
        cursor = max(cursor, last)
    out.append(text[cursor:])
    return "".join(out)
