"""What problems say to editors, in Chinese (or English, by configuration): codes, templates, labels.

- `language`: the process's language (`set_language`, `current_language`; default zh)
- `labels`: the Chinese label of every field key of every kind (`label_of`)
- `wording`: a template in both languages; a field named with its label (`FieldName`)
- `file_problems`, `field_problems`, `slip_problems`: the problems' templates by area
- `phrases`: fragments filled into them (what is allowed, hints, where)
- `catalogue`: every code, `Phrase`, and wording a code with its parameters
- `summaries`: what the build says after the problems' lines

Pure: imports nothing from MkDocs, and nothing of the content model.
"""

from shangliang.messages.catalogue import PHRASES, PROBLEMS, Param, Params, Phrase, phrase, problem_text
from shangliang.messages.labels import label_of
from shangliang.messages.language import LANGUAGES, Language, current_language, say, set_language
from shangliang.messages.wording import FieldName

__all__ = [
    "LANGUAGES", "PHRASES", "PROBLEMS", "FieldName", "Language", "Param", "Params", "Phrase",
    "current_language", "label_of", "phrase", "problem_text", "say", "set_language",
]  # fmt: skip
