"""Label facts of the demo products, worked out from their titles and kinds.

Kept apart from content.py so the product list stays readable: what is on a packet (net
quantity, ingredients, shelf life, storage) and each OCOP certificate's number and dates.
"""

import datetime
import re
import zlib

NET_QUANTITY = re.compile(r"(\d+(?:,\d+)?)\s*(kg|g|ml|lít|mét|cm)\b", re.IGNORECASE)

# First matching keyword of the title wins.
INGREDIENTS = [
    ("Miến dong", "Tinh bột củ dong riềng 100%, nước"),
    ("Bột dong", "Tinh bột củ dong riềng 100%"),
    ("Bột thạch đen", "Bột cây thạch đen (sương sáo), tinh bột sắn"),
    ("Thạch đen", "Cây thạch đen (sương sáo) phơi khô"),
    ("Hạt dẻ", "Hạt dẻ Trùng Khánh"),
    ("Lạp sườn", "Thịt lợn, mỡ lợn, rượu ngô, đường phên, gừng, muối"),
    ("Thịt lợn hun khói", "Thịt lợn, muối, mắc khén, gừng, rượu ngô"),
    ("Bánh khảo nhân", "Bột nếp rang, đường, lạc, vừng"),
    ("Bánh khảo", "Bột nếp rang, đường kính, mỡ lợn"),
    ("Quýt sấy", "Quýt Trà Lĩnh, đường"),
    ("Mứt vỏ quýt", "Vỏ quýt Trà Lĩnh, đường, gừng"),
    ("Tương ớt", "Ớt, tỏi, đậu tương lên men, muối"),
    ("Tương", "Đậu tương, gạo nếp, muối, nước"),
    ("Gạo nếp cẩm", "Gạo nếp cẩm"),
    ("Bột nếp", "Gạo nếp Pì Pất rang xay"),
    ("Gạo nếp", "Gạo nếp Pì Pất"),
    ("Mật ong", "Mật ong hoa bạc hà nguyên chất"),
    ("Rượu ngô", "Ngô, men lá, nước suối"),
    ("Chè", "Búp chè Shan tuyết"),
    ("Măng khô", "Măng nứa"),
]

FACTS_BY_CLASS = {
    "Thực phẩm": ("12 tháng", "Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp"),
    "Đồ uống": ("24 tháng", "Đậy kín nắp, nơi thoáng mát"),
    "Dược liệu": ("18 tháng", "Nơi khô ráo; đóng kín túi sau khi dùng"),
    "Thủ công mỹ nghệ": ("", "Giặt tay bằng nước lạnh, phơi trong bóng râm"),
}
FRESH = ("Quýt Trà Lĩnh thùng", "Quýt Trà Lĩnh hộp", "Trám đen tươi")

# Certificates last three years (36 months); some demo ones have run out by now.
OCOP_YEARS = [2023, 2024, 2025, 2022]


def label_facts(item):
    """Net quantity, ingredients, shelf life and storage of a demo product."""
    found = NET_QUANTITY.search(item.title)
    net_quantity = f"{found.group(1)} {found.group(2).lower()}" if found else ""
    ingredients = next((text for keyword, text in INGREDIENTS if keyword in item.title), "")
    shelf_life, storage = FACTS_BY_CLASS.get(item.product_class, ("", ""))
    if item.title.startswith(FRESH):
        shelf_life, storage = "7–10 ngày", "Nơi thoáng mát hoặc ngăn mát tủ lạnh"
    return {"net_quantity": net_quantity, "ingredients": ingredients, "shelf_life": shelf_life, "storage": storage}


def ocop_certificate(item):
    """Number, year and expiry of a demo product's OCOP certificate, or nothing for an uncertified one."""
    if not item.ocop_stars:
        return {}
    serial = zlib.crc32(item.sku.encode())
    year = OCOP_YEARS[serial % len(OCOP_YEARS)]
    return {
        "ocop_certificate_number": f"{serial % 900 + 100}/QĐ-UBND-{year}",
        "ocop_year": year,
        "ocop_expires_on": datetime.date(year + 3, 6, 30),
    }
