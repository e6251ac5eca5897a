"""kit.redaction: phones and ID numbers however people type them are blanked; the rest of
the text (dates, times, prices, house numbers) stays exactly as written."""

from __future__ import annotations

import pytest

from services.kit.redaction import redact_personal

BLANKED = [
    # (what a resident typed, what others read)
    ("电话13912345678", "电话***"),
    ("电话139-1234-5678谢谢", "电话***谢谢"),
    ("请打139 1234 5678", "请打***"),
    ("139.1234.5678", "***"),
    ("1391234 5678", "***"),
    ("139-12345678", "***"),
    ("联系人王先生１３９１２３４５６７８", "联系人王先生***"),
    ("１３９－１２３４－５６７８找我", "***找我"),
    ("手机+86 139 1234 5678", "手机***"),
    ("+8613912345678", "***"),
    ("0086-139-1234-5678", "***"),
    ("物业010-6512 3456", "物业***"),
    ("物业(010)65123456", "物业***"),
    ("物业（０１０）６５１２３４５６", "物业***"),
    ("座机010-65123456转", "座机***转"),
    ("深圳0755-8600 1234", "深圳***"),
    ("打6512-3456找保安", "打***找保安"),
    ("身份证110105194912310027", "身份证***"),
    ("身份证号11010519491231002X。", "身份证号***。"),
    ("身份证 110105 19491231 002x", "身份证 ***"),
    ("邮箱 lisi@example.com 联系", "邮箱 *** 联系"),
    ("A 13912345678 and 010-65123456 both", "A *** and *** both"),
]

UNTOUCHED = [
    "2026-12-07 14:30 电梯停了",
    "2026年12月7日",
    "2026.12.07",
    "3号楼2单元501",
    "5号楼3单元1201室",
    "修理费128.50元",
    "¥1,280.00",
    "请于14:30前到场",
    "8:00-17:30 开放",
    "2025-2026学年",
    "共120户,第3期",
    "与TGYZL-2026-000001为同一问题",
    "工单GYSNL-2026-000001-W1已完成",
    "拨打12345市民热线或110",
    "400-810-8888 是物业公司客服",
    "",
]


@pytest.mark.parametrize(("typed", "shown"), BLANKED)
def test_phones_and_id_numbers_are_blanked_however_written(typed: str, shown: str) -> None:
    assert redact_personal(typed) == shown


@pytest.mark.parametrize("text", UNTOUCHED)
def test_ordinary_text_is_left_as_written(text: str) -> None:
    assert redact_personal(text) == text


def test_the_mask_can_be_chosen_and_offsets_survive_wide_characters() -> None:
    # Characters NFKC widens (㈱ is three letters) before a number keep their place.
    assert redact_personal("㈱物业 139 1234 5678 ok", mask="#") == "㈱物业 # ok"
    assert redact_personal("①号楼 13912345678") == "①号楼 ***"
