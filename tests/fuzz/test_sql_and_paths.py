"""Input can neither change the SQL Parley runs nor choose where Parley writes a file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from parley.articles.model import Article, Tag, article_id
from parley.extract.records import Extraction, Mention, Quote

SRC = Path(__file__).resolve().parents[2] / "src" / "parley"
SQL_CALLS = {"text", "execute", "executemany", "exec_driver_sql", "executescript", "literal_column"}
HOSTILE = "x'); DROP TABLE articles; -- \" OR 1=1 /* %s %(id)s :id ? \\' ;"


def _built_string(node: ast.expr) -> bool:
    """Whether an expression builds a string at run time: f-string, `%`, `+` or `.format()`."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return any(
            isinstance(side, ast.JoinedStr)
            or (isinstance(side, ast.Constant) and isinstance(side.value, str))
            for side in (node.left, node.right)
        )
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def _sql_built_from_strings(path: Path, root: Path = SRC) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", None))
        if name in SQL_CALLS and _built_string(node.args[0]):
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_sql_is_built_from_strings():
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in _sql_built_from_strings(path)]
    assert found == [], f"SQL text built by string formatting: {found}"


@pytest.mark.parametrize(
    "call",
    [
        'conn.execute(text(f"SELECT * FROM t WHERE id = {x}"))',
        'conn.exec_driver_sql("DELETE FROM t WHERE id = %s" % x)',
        'cursor.execute("SELECT * FROM t WHERE id = " + x)',
        'conn.execute(text("SELECT * FROM {}".format(x)))',
    ],
)
def test_the_sql_check_catches_formatted_statements(tmp_path: Path, call: str):
    sample = tmp_path / "sample.py"
    sample.write_text(call + "\n")
    assert _sql_built_from_strings(sample, tmp_path) == ["sample.py:1"]


def test_hostile_strings_stored_as_data_on_each_backend(fresh_store):
    text = f"{HOSTILE} Putin said “{HOSTILE}”."
    article = Article(
        id=article_id(text),
        source=HOSTILE,
        text=text,
        title=HOSTILE,
        outlet=HOSTILE,
        authors=(HOSTILE,),
        url=HOSTILE,
        tags=(Tag(HOSTILE, HOSTILE, HOSTILE),),
    )
    start = text.index("Putin")
    quote_start = text.index("“") + 1
    extraction = Extraction(
        mentions=[Mention(start, start + 5, "Putin", "PERSON", HOSTILE)],
        quotes=[Quote(quote_start, quote_start + len(HOSTILE), HOSTILE, "direct", HOSTILE)],
    )
    assert fresh_store.add_article(article, extraction, (HOSTILE,))
    fresh_store.add_reject(HOSTILE, HOSTILE)
    assert fresh_store.article(article.id) == article
    assert [r["text"] for r in fresh_store.rows("quotes")] == [HOSTILE]
    assert fresh_store.summary()["articles"] == 1


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*")}


def test_file_names_from_feeds_and_manifests_never_become_output_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from parley.build import build
    from parley.store import open_store

    inputs, work = tmp_path / "inputs", tmp_path / "work" / "deeper"
    inputs.mkdir()
    work.mkdir(parents=True)
    escape = "../../../escaped.txt"
    item = (
        f"<item><title>{escape}</title><link>file:///{escape}</link><guid>{escape}</guid>"
        "<description>Delegates said the harbour talks would resume on Monday.</description>"
        "</item>"
    )
    (inputs / "feed.rss").write_text(f"<rss><channel><title>{escape}</title>{item}</channel></rss>")
    (inputs / "record.json").write_text(
        f'{{"text": "Officials met again on Tuesday.", "url": "{escape}", "title": "{escape}"}}'
    )
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"file,url,title\n{escape},{escape},{escape}\n/tmp/abs.txt,,x\n")
    before = _files(tmp_path)
    monkeypatch.chdir(work)
    with open_store(work / "dossier.db") as store:
        report = build([inputs], store, manifest=manifest)
    assert report.stored == 2
    new = _files(tmp_path) - before
    assert {p for p in new if not p.name.startswith("dossier.db")} == set(), new
