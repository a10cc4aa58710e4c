"""What the YAML parser's complaint means, as a phrase an editor can read in either language.

PyYAML (and libyaml) complain in English ("mapping values are not allowed in this context");
the complaints an editor meets are worded here from the catalogue, any other is passed on as it is.
"""

from __future__ import annotations

import re

import yaml

from shangliang.messages import Phrase, phrase

_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^mapping values are not allowed"), "yaml-colon-in-value"),
    (re.compile(r"^could not find expected ':'"), "yaml-expected-colon"),
    (re.compile(r"^found unexpected end of stream"), "yaml-unexpected-end"),
    (re.compile(r"^(?:expected <block end>|did not find expected (?:key|'-' indicator))"), "yaml-indentation"),
    (re.compile(r"^(?:did not find expected|expected) ',' or '[\]}]'"), "yaml-unclosed-list"),
    (re.compile(r"^found unknown escape character"), "yaml-escape"),
)
_CANNOT_START = re.compile(r"^found character .*cannot start any token")
_ALIAS = re.compile(r"^found undefined alias ?(.*)$")
_TAG = re.compile(r"^could not determine a constructor for the tag (.*)$")


def yaml_problem(error: yaml.YAMLError, line_text: str = "") -> Phrase:
    """The parser's complaint about `error` (on the line `line_text`), worded from the catalogue when known."""
    problem = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    if _CANNOT_START.match(problem) and "\t" in line_text:
        return phrase("yaml-tab")
    for pattern, code in _KNOWN:
        if pattern.match(problem):
            return phrase(code)
    alias = _ALIAS.match(problem)
    if alias:
        return phrase("yaml-undefined-alias", alias=alias.group(1))
    tag = _TAG.match(problem)
    if tag:
        return phrase("yaml-tag", tag=tag.group(1))
    return phrase("yaml-problem", problem=problem)
