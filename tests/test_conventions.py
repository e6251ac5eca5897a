"""The conventions of docs/architecture.md that a machine can check, over the source itself:
domain functions take the session and at most one thing positionally, no module grows past
450 lines, and every dependency alias ends in `Dep`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from services.kit.settings import REPO_ROOT

SERVICES = REPO_ROOT / "services"
GATEWAY = REPO_ROOT / "gateway"
MAX_LINES = 450

# Not domain modules: wiring, settings, tables, demo data, catalogues, routers, request and
# response bodies, migrations.
NOT_DOMAIN_FILES = {
    "app.py",
    "config.py",
    "models.py",
    "demo.py",
    "__main__.py",
    "permissions.py",
    "schemas.py",
}
NOT_DOMAIN_DIRS = {"routes", "migrations", "schemas"}


def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def _python_files(root: Path) -> Iterator[Path]:
    yield from sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _domain_modules() -> Iterator[Path]:
    for path in _python_files(SERVICES):
        parts = set(path.relative_to(SERVICES).parts[:-1])
        if path.name in NOT_DOMAIN_FILES or parts & NOT_DOMAIN_DIRS:
            continue
        yield path


def _functions(body: list[ast.stmt]) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """A module's functions and its classes' methods (callbacks defined inside a function
    take the shape their caller fixes, and are not called by name)."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node.body)


def signature_breaches(source: str, where: str) -> list[str]:
    """Public functions whose first parameter is `session` and that take more than one
    further parameter positionally: `refer(session, ctx, ticket, actor, now)`."""
    found = []
    for node in _functions(ast.parse(source).body):
        if node.name.startswith("_"):
            continue
        names = [a.arg for a in node.args.posonlyargs + node.args.args]
        if names[:1] in (["self"], ["cls"]):
            names = names[1:]
        if names[:1] == ["session"] and len(names) > 2:
            found.append(f"{where}:{node.lineno} {node.name}({', '.join(names)})")
    return found


def _is_depends(node: ast.expr) -> bool:
    func = node.func if isinstance(node, ast.Call) else None
    return (isinstance(func, ast.Name) and func.id == "Depends") or (
        isinstance(func, ast.Attribute) and func.attr == "Depends"
    )


def dependency_aliases(source: str) -> list[str]:
    """Module-level names bound to `Annotated[..., Depends(...)]`."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if not (isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Tuple)):
            continue
        base = value.value
        annotated = (isinstance(base, ast.Name) and base.id == "Annotated") or (
            isinstance(base, ast.Attribute) and base.attr == "Annotated"
        )
        if annotated and any(_is_depends(e) for e in value.slice.elts[1:]):
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


def test_domain_functions_take_the_session_and_one_thing_positionally() -> None:
    breaches = [
        breach
        for path in _domain_modules()
        for breach in signature_breaches(path.read_text(encoding="utf-8"), _relative(path))
    ]
    assert breaches == [], "add `*`: resolve(session, *, ticket, actor, now, note)"


def test_the_signature_check_sees_a_breach_and_lets_the_convention_pass() -> None:
    source = (
        "async def refer(session, ctx, ticket, actor, now): ...\n"
        "async def resolve(session, *, ticket, actor, now, note): ...\n"
        "async def get_place(session, place_id): ...\n"
        "class Store:\n"
        "    async def open(self, session, media_id, variant): ...\n"
        "    async def read(self, session, media_id, *, variant): ...\n"
        "async def _private(session, a, b): ...\n"
    )
    assert signature_breaches(source, "m.py") == [
        "m.py:1 refer(session, ctx, ticket, actor, now)",
        "m.py:5 open(session, media_id, variant)",
    ]


def test_no_module_is_over_450_lines() -> None:
    long = {
        _relative(path): lines
        for root in (SERVICES, GATEWAY)
        for path in _python_files(root)
        if path.name != "demo.py" and "migrations" not in path.parts
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, "split it by what it holds (docs/architecture.md, Conventions)"


def test_dependency_aliases_end_in_dep() -> None:
    aliases = {
        f"{_relative(path)}: {name}"
        for root in (SERVICES, GATEWAY)
        for path in _python_files(root)
        for name in dependency_aliases(path.read_text(encoding="utf-8"))
    }
    assert aliases, "no dependency alias found: is the check still looking?"
    assert sorted(a for a in aliases if not a.endswith("Dep")) == []


def test_the_alias_check_sees_annotated_depends_only() -> None:
    source = (
        "SessionDep = Annotated[AsyncSession, Depends(_session, scope='function')]\n"
        "Current = Annotated[Principal, fastapi.Depends(_principal)]\n"
        "PlaceParam = Annotated[uuid.UUID, Query()]\n"
    )
    assert dependency_aliases(source) == ["SessionDep", "Current"]


def import_circles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other round a circle (Tarjan's components)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in imports.get(module, set()):
            if imported not in imports:
                continue
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(imports):
        if module not in order:
            visit(module)
    return circles


def test_the_import_graph_has_no_circle() -> None:
    # Type-only imports count too: a circle of them is still two modules that cannot be
    # read one without the other (the gateway's connection and pool once were).
    import grimp

    graph = grimp.build_graph("services", "gateway")
    imports = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert import_circles(imports) == []


def test_the_circle_check_finds_a_circle() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_circles(imports) == [["a", "b", "c"]]


def _same_names(paths: list[Path]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for path in paths:
        seen.setdefault(path.name, []).append(_relative(path))
    return {name: sorted(where) for name, where in seen.items() if len(where) > 1}


def test_test_files_have_names_of_their_own() -> None:
    # The test folders are not packages: pytest imports each file by its name alone, so a
    # second tests/<service>/test_statistics.py stops the whole run at collection.
    found = _same_names(sorted((REPO_ROOT / "tests").rglob("test_*.py")))
    assert found == {}, "name the file after its service (tests/courier/test_courier_...)"


def test_the_name_check_sees_two_files_of_one_name() -> None:
    tests = REPO_ROOT / "tests"
    paths = [tests / "intake" / "test_statistics.py", tests / "rooms" / "test_statistics.py"]
    assert list(_same_names(paths)) == ["test_statistics.py"]
