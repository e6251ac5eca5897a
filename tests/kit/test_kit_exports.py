"""kit.exports, the machinery every service's export shares: masking, the reason, the
file's note, formula neutralisation."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from services.kit import exports
from services.kit.auth import Principal
from services.kit.errors import InvalidInput, PermissionDenied

COLUMNS = (
    exports.Column("名字", kind="name", field="name"),
    exports.Column("电话", kind="phone", field="phone"),
    exports.Column("备注", kind="free_text"),
    exports.Column("编号"),
)
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def principal(*perms: str) -> Principal:
    return Principal.from_claims(
        {
            "sub": "staff-1",
            "kind": "staff",
            "name": "张三",
            "grants": [{"role": "r", "place_id": "p", "path": "/a/", "perms": list(perms)}],
        }
    )


ROWS = [exports.Row(("王芳", "13800138000", "电话13900139000", "=1+1"), "/a/b/")]


def test_masked_by_default_and_clear_on_request() -> None:
    cells, revealed, numbers = exports.present(COLUMNS, ROWS, clear=False)
    assert cells == [("王*", "138****8000", "电话***", "=1+1")]
    assert (revealed, numbers) == (0, 0)
    cells, revealed, numbers = exports.present(COLUMNS, ROWS, clear=True)
    assert cells == [ROWS[0].cells]
    assert (revealed, numbers) == (1, 1)


def test_a_clear_export_needs_a_reason_and_the_reveal_over_every_row() -> None:
    with pytest.raises(InvalidInput) as missing:
        exports.clean_reason(exports.Request("csv", clear=True, reason=" "))
    assert missing.value.code == "reason_required"
    assert exports.clean_reason(exports.Request("csv")) is None
    assert exports.clean_reason(exports.Request("csv", clear=True, reason=" 回访  核实 ")) == (
        "回访 核实"
    )
    with pytest.raises(PermissionDenied) as refused:
        exports.check_clear(principal("intake:tickets:read"), ROWS)
    assert refused.value.code == "export_clear_not_permitted"
    exports.check_clear(principal("identity:personal:reveal"), ROWS)


def test_the_file_says_who_when_and_why_on_its_first_row() -> None:
    who = principal()
    masked = exports.to_csv(COLUMNS, [("王*", None, "x", "=1+1")], exports.note(who, NOW, None))
    rows = list(csv.reader(io.StringIO(masked.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "导出人：张三；导出时间：2026-03-02 09:00；已脱敏（联系方式与描述中的号码已隐去）"
    ]
    assert rows[1] == ["名字", "电话", "备注", "编号"]
    assert rows[2] == ["王*", "", "x", "'=1+1"]
    clear = exports.note(who, NOW, "回访")
    assert "导出原因：回访" in clear
    assert "已脱敏" not in clear
