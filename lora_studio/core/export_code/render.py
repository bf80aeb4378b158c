"""The code templates of parts_*.py made into script text: values filled in, comments written, lines chosen.

A template is Python with three kinds of marks:
    $name              a value of the run, already written as a Python literal (`literal`)
    # @key             a line holding only this: the comment `key`, translated and wrapped at its indent;
                       at the end of a code line: the comment written there, unwrapped (keep such texts short)
    code  #?flag       the line is kept only when `flag` is set (`#?!flag`: only when it is not)
"""

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from string import Template
from textwrap import dedent

WIDTH = 100  # comment lines end before this column (a CJK character counts two)

_CONDITION = re.compile(r"\s+#\?(?P<negated>!?)(?P<flag>[\w-]+)$")
_COMMENT_LINE = re.compile(r"^(?P<indent>\s*)# @(?P<key>\w+)$")
_TRAILING_COMMENT = re.compile(r"\s+# @(?P<key>\w+)$")
# a unit that cannot be split: a run of non-CJK non-space characters, one CJK character, or spaces
_UNITS = re.compile(r"\s+|[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")  # punctuation that stays with what it follows


def literal(value: object) -> str:
    """`value` as Python source: strings in double quotes, floats as repr writes them, lists of those."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are Python's for every string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    raise TypeError(f"no literal for {type(value).__name__}")


def render(template: str, values: Mapping[str, str], flags: set[str], comment: Callable[[str], str]) -> str:
    """The template's code with its values, its chosen lines and its comments (`comment(key)`, translated)."""
    lines: list[str] = []
    dropped = False  # a line was left out since the last blank one: another blank line would double it
    for line in dedent(template).strip("\n").splitlines():
        condition = _CONDITION.search(line)
        if condition:
            if (condition["flag"] in flags) == bool(condition["negated"]):
                dropped = True
                continue
            line = line[: condition.start()]
        if not line.strip():
            if dropped and (not lines or not lines[-1].strip()):
                continue
            dropped = False
        whole = _COMMENT_LINE.match(line)
        if whole:
            lines += comment_lines(comment(whole["key"]), whole["indent"])
            continue
        trailing = _TRAILING_COMMENT.search(line)
        code = Template(line[: trailing.start()] if trailing else line).substitute(values)
        lines.append(f"{code}  # {comment(trailing['key'])}" if trailing else code)
    return "\n".join(lines)


def comment_lines(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    """`text` as `# ` comment lines at `indent`, wrapped before `width` columns (CJK characters count two)."""
    return [f"{indent}# {line}".rstrip() for line in wrap(text, width - len(indent) - 2)]


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces or between CJK characters; punctuation that
    must not begin a line takes the character before it along to the next."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []  # the line's pieces, each with the space before it
        space = ""
        for unit in _UNITS.findall(paragraph):
            if unit.isspace():
                space = " "
                continue
            piece, space = (space if line else "") + unit, ""
            if line and columns("".join(line) + piece) > width:
                carried: list[str] = []  # what goes along with punctuation that cannot begin the next line
                while unit[0] in _NO_LINE_START and len(line) > 1 and (
                        not carried or carried[0].lstrip()[0] in _NO_LINE_START):
                    carried.insert(0, line.pop())
                lines.append("".join(line))
                if carried:
                    carried[0] = carried[0].lstrip()
                line, piece = carried, piece if carried else piece.lstrip()
            line.append(piece)
        lines.append("".join(line))
    return lines


def columns(text: str) -> int:
    """How many columns `text` takes in a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
