"""Pictures for the demo data, drawn with Pillow when the command runs: products, sellers and stories.

Every picture is seeded by a stable key (a SKU, a seller's slug), so the same key always gives the
same picture. Shapes are drawn at twice the size and scaled down, which smooths their edges.
"""

import math
import random
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SUPERSAMPLE = 2
STAGE_LIFT = 0.07  # how far a product drawing moves up, as a share of its height, to clear the caption
JPEG_QUALITY = 85

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_FILES = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf", "FreeSansBold.ttf")
VIETNAMESE_LETTERS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯƠ"

# Warm backdrops (top, bottom), chosen per kind of product.
BACKDROPS = {
    "warm": [("#fdf0d9", "#f3c58b"), ("#fde6d6", "#f0a98a"), ("#fff3d6", "#f5c76d"), ("#fbeee2", "#e5b08c")],
    "green": [("#f1f4dc", "#c4d69a"), ("#eef3e0", "#b2cc8f"), ("#f6f2d8", "#cfd593")],
    "rose": [("#fdeae6", "#efb0a6"), ("#fdf0e8", "#f2b9a0"), ("#fbe9ef", "#e9aebf")],
    "sky": [("#eef2f7", "#b9cbe3"), ("#f3efe8", "#c6d2e2"), ("#f1f0f7", "#c3c1e3")],
}

# Cloth of the Dao and the Nùng: an indigo ground with red, yellow and white embroidery.
TEXTILES = {
    "dao": ("#1e2442", ["#d7312e", "#f2c230", "#f6efe1", "#e8672b", "#4c9a5e", "#e2487a"]),
    "indigo": ("#233259", ["#eef2f8", "#9fbde2", "#d84b45", "#f1d36c"]),
}

SKIN = ["#e9b48f", "#dca27c", "#e5ab85", "#d39873", "#efc19e"]
SHIRTS = {
    "tay": ["#243459", "#2d3f6e", "#1d2a4d", "#203a5c"],
    "nung": ["#1c2540", "#222b4a", "#1a2236"],
    "dao": ["#1b1f36", "#22223a"],
    "kinh": ["#f4e3c3", "#e9c8d0", "#d9e6d3", "#f1d9b5", "#d8e1ee"],
}
HAIR = "#22191a"


# Colours and shapes


def parse_color(value):
    if isinstance(value, tuple):
        return value
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    a, b = parse_color(a), parse_color(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shade(color, factor):
    """Darken (factor < 1) or lighten (factor > 1) a colour."""
    color = parse_color(color)
    if factor < 1:
        return tuple(round(c * factor) for c in color)
    return mix(color, (255, 255, 255), min(factor - 1, 1))


def draw_gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, parse_color(bottom)), Image.new("RGB", size, parse_color(top)), mask)


def cast_shadow(img, box, strength=110, blur=0.035, color=(70, 40, 20)):
    """A soft shadow under an object, blurred at a small size to stay fast."""
    k = 8
    w, h = img.size
    mask = Image.new("L", (w // k, h // k), 0)
    ImageDraw.Draw(mask).ellipse([c / k for c in box], fill=strength)
    mask = mask.filter(ImageFilter.GaussianBlur(blur * w / k)).resize(img.size, Image.BILINEAR)
    img.paste(color, (0, 0, w, h), mask)


def rotate_points(points, cx, cy, angle):
    cos, sin = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in points]


def trace_ellipse(cx, cy, rx, ry, angle=0.0, n=48):
    points = [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return rotate_points(points, cx, cy, angle)


def trace_leaf(x, y, length, width, angle, n=16):
    """A pointed leaf from its stalk end (x, y), pointing along angle."""
    side = [(length * i / n, width / 2 * math.sin(math.pi * i / n) ** 0.8) for i in range(n + 1)]
    outline = side + [(px, -py) for px, py in reversed(side)]
    return rotate_points([(x + px, y + py) for px, py in outline], x, y, angle)


def draw_leaf(draw, x, y, length, width, angle, color):
    draw.polygon(trace_leaf(x, y, length, width, angle), fill=parse_color(color))
    tip = (x + length * 0.9 * math.cos(angle), y + length * 0.9 * math.sin(angle))
    draw.line([(x, y), tip], fill=shade(color, 1.25), width=max(1, int(width * 0.06)))


def trace_star(cx, cy, outer, inner, points=8, angle=0.0):
    result = []
    for i in range(points * 2):
        r = outer if i % 2 == 0 else inner
        a = angle + math.pi * i / points - math.pi / 2
        result.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return result


def scatter_in_ellipse(rng, cx, cy, rx, ry, count, margin=0.85):
    """Points spread over an ellipse, back to front so nearer things are drawn last."""
    points = []
    for _ in range(count):
        a, r = rng.uniform(0, 2 * math.pi), math.sqrt(rng.random()) * margin
        points.append((cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)))
    return sorted(points, key=lambda p: p[1])


def finish(img, size):
    """Scale the supersampled drawing down to its final size."""
    return img.resize((size, size) if isinstance(size, int) else size, Image.LANCZOS)


def encode_jpeg(img):
    buffer = BytesIO()
    img.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


# Text: only with a font that has every Vietnamese letter, never with missing-glyph boxes.


def renders_text(font, text):
    missing = font.getmask("\ue000")
    missing = (missing.size, bytes(missing))
    for char in set(text) - {" "}:
        mask = font.getmask(char)
        if (mask.size, bytes(mask)) == missing:
            return False
    return True


@cache
def find_font(size):
    """A TrueType font that writes Vietnamese, or None (then pictures carry no text)."""
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for name in FONT_FILES:
            for path in sorted(root.rglob(name)):
                font = ImageFont.truetype(str(path), size)
                if renders_text(font, VIETNAMESE_LETTERS):
                    return font
    font = ImageFont.load_default(size=size)
    if isinstance(font, ImageFont.FreeTypeFont) and renders_text(font, VIETNAMESE_LETTERS):
        return font
    return None


def wrap_text(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        attempt = f"{line} {word}".strip()
        if line and draw.textlength(attempt, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = attempt
    return [*lines, line] if line else lines


def draw_caption(img, text, subtitle=""):
    """A cream label across the bottom with the product's name (and where it comes from)."""
    w, h = img.size
    font, small = find_font(round(w * 0.045)), find_font(round(w * 0.03))
    if font is None or not text:
        return img
    draw = ImageDraw.Draw(img, "RGBA")
    lines = wrap_text(draw, text, font, w * 0.8)[:2]
    line_height = round(w * 0.056)
    height = line_height * len(lines) + (round(w * 0.04) if subtitle else 0) + round(w * 0.035)
    top = h - round(h * 0.03) - height
    draw.rounded_rectangle(
        [w * 0.06, top, w * 0.94, h - h * 0.03], radius=w * 0.03, fill=(255, 250, 240, 228), outline=(120, 70, 40, 90)
    )
    y = top + w * 0.018
    for line in lines:
        draw.text((w / 2, y), line, font=font, fill=(80, 40, 22), anchor="ma")
        y += line_height
    if subtitle:
        draw.text((w / 2, y), subtitle, font=small, fill=(150, 85, 45), anchor="ma")
    return img


def lift_stage(img, lift):
    """Move the drawing up to leave room for the caption, stretching the bottom row into the gap."""
    w, h = img.size
    lifted = Image.new("RGB", (w, h))
    lifted.paste(img.crop((0, lift, w, h)), (0, 0))
    lifted.paste(img.crop((0, h - 1, w, h)).resize((w, lift)), (0, h - lift))
    return lifted


def draw_brocade_hem(img, top, bottom):
    """A faint row of brocade diamonds along the top, as on the hem of a Tày or Nùng skirt."""
    size = img.size[0]
    draw = ImageDraw.Draw(img)
    tint = mix(top, bottom, 0.3)
    step = size / 24
    for row, y in enumerate((size * 0.025, size * 0.05)):
        for i in range(26):
            x = i * step + (step / 2 if row else 0)
            r = step * 0.3
            draw.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=tint)


def draw_tray(img, cx, cy, rx, ry):
    """A round bamboo tray (mẹt) seen at an angle."""
    draw = ImageDraw.Draw(img)
    cast_shadow(img, [cx - rx * 1.02, cy - ry * 0.85, cx + rx * 1.02, cy + ry * 1.2], strength=120)
    draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=parse_color("#b8874a"))
    inner = 0.93
    draw.ellipse([cx - rx * inner, cy - ry * inner, cx + rx * inner, cy + ry * inner], fill=parse_color("#e2c28a"))
    for i in range(1, 9):
        t = inner * i / 9
        draw.ellipse([cx - rx * t, cy - ry * t, cx + rx * t, cy + ry * t], outline=parse_color("#d4ae70"), width=3)
    for i in range(16):
        a = math.pi * i / 16
        dx, dy = rx * inner * math.cos(a), ry * inner * math.sin(a)
        draw.line([(cx - dx, cy - dy), (cx + dx, cy + dy)], fill=parse_color("#d9b67c"), width=2)


def draw_table(img, top):
    """A wooden table top from `top` down, for jars and bottles."""
    w, h = img.size
    img.paste(draw_gradient((w, h - int(top)), "#b07a4b", "#8a5a34"), (0, int(top)))
    draw = ImageDraw.Draw(img)
    for i in range(1, 6):
        y = top + (h - top) * i / 6
        draw.line([(0, y), (w, y + 6)], fill=parse_color("#9b6a40"), width=3)
    draw.line([(0, top), (w, top)], fill=parse_color("#c99566"), width=5)


# Food


def draw_noodles(img, rng, variant):
    """Hanks of miến dong: grey-brown glassy noodles, wavy, tied in the middle."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    for index, (x, y, angle) in enumerate([(0.34, 0.47, -0.35), (0.62, 0.5, 0.3), (0.47, 0.6, -0.08)]):
        layer = Image.new("RGBA", (int(s * 0.56), int(s * 0.28)), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        lw, lh = layer.size
        tones = ["#c9b8a6", "#b4a08c", "#d9cbbb", "#a8927c", "#e6dccf"]
        for i in range(70):
            base = lh * 0.12 + lh * 0.76 * i / 70
            phase, amp = rng.uniform(0, 6.3), lh * rng.uniform(0.01, 0.03)
            squeeze = [
                (x0, base + (lh / 2 - base) * 0.45 * math.exp(-(((x0 - lw / 2) / (lw * 0.12)) ** 2)))
                for x0 in range(int(lw * 0.04), int(lw * 0.96), 8)
            ]
            points = [(px, py + amp * math.sin(px / lw * 18 + phase)) for px, py in squeeze]
            d.line(points, fill=parse_color(rng.choice(tones)) + (255,), width=max(2, s // 400))
        band = "#b73a2c" if index % 2 == 0 else "#7c5a2f"
        d.rounded_rectangle([lw * 0.46, lh * 0.26, lw * 0.54, lh * 0.74], radius=lw * 0.02, fill=parse_color(band))
        layer = layer.rotate(math.degrees(-angle), resample=Image.BICUBIC, expand=True)
        cast_shadow(img, [s * x - s * 0.22, s * y - s * 0.04, s * x + s * 0.22, s * y + s * 0.1], strength=70)
        img.paste(layer, (int(s * x - layer.size[0] / 2), int(s * y - layer.size[1] / 2)), layer)


def draw_flour(img, rng, variant):
    """A wooden bowl heaped with fine white flour, a scoop beside it."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    cx, cy = s * 0.5, s * 0.55
    cast_shadow(img, [cx - s * 0.33, cy + s * 0.05, cx + s * 0.33, cy + s * 0.25], strength=130)
    flour = "#f7f3ea" if variant != "toasted" else "#eedcb8"
    draw.chord([cx - s * 0.3, cy - s * 0.22, cx + s * 0.3, cy + s * 0.22], 0, 180, fill=parse_color("#8b5a32"))
    draw.ellipse([cx - s * 0.3, cy - s * 0.07, cx + s * 0.3, cy + s * 0.07], fill=parse_color("#6e4424"))
    draw.ellipse([cx - s * 0.27, cy - s * 0.2, cx + s * 0.27, cy + s * 0.06], fill=parse_color(flour))
    draw.ellipse([cx - s * 0.18, cy - s * 0.17, cx + s * 0.02, cy - s * 0.08], fill=shade(flour, 1.6))
    for _ in range(120):
        x, y = rng.uniform(s * 0.15, s * 0.85), rng.uniform(s * 0.7, s * 0.8)
        r = rng.uniform(2, 6)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=parse_color(flour))
    # A scoop lying in front.
    draw.rounded_rectangle([s * 0.56, s * 0.74, s * 0.86, s * 0.77], radius=8, fill=parse_color("#a8733f"))
    draw.ellipse([s * 0.46, s * 0.71, s * 0.6, s * 0.8], fill=parse_color("#a8733f"))
    draw.ellipse([s * 0.475, s * 0.72, s * 0.585, s * 0.77], fill=parse_color(flour))


def draw_grains(img, rng, variant):
    """A heap of rice on a banana leaf: white sticky rice, or purple nếp cẩm."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    cast_shadow(img, [s * 0.1, s * 0.5, s * 0.9, s * 0.82], strength=90)
    draw_leaf(draw, s * 0.06, s * 0.7, s * 0.92, s * 0.42, -0.32, "#4f8f3a")
    for i in range(14):
        t = 0.12 + i * 0.06
        x, y = s * 0.06 + s * 0.92 * t * math.cos(-0.32), s * 0.7 + s * 0.92 * t * math.sin(-0.32)
        draw.line([(x, y), (x + s * 0.09, y - s * 0.12)], fill=parse_color("#6aa84f"), width=4)
        draw.line([(x, y), (x + s * 0.05, y + s * 0.13)], fill=parse_color("#6aa84f"), width=4)
    tones = ["#fbf8ef", "#f1ead9", "#ffffff", "#e9e0cb"] if variant != "purple" else ["#4b2140", "#5f2b52", "#3a1931"]
    cx, cy = s * 0.5, s * 0.6
    heap = [(cx + s * 0.28 * math.cos(a), cy - s * 0.2 * abs(math.sin(a)) ** 0.8) for a in spread(0, math.pi, 40)]
    draw.polygon(
        [(cx - s * 0.3, cy + s * 0.03), *reversed(heap), (cx + s * 0.3, cy + s * 0.03)], fill=parse_color(tones[1])
    )
    for _ in range(900):
        x = rng.gauss(cx, s * 0.12)
        limit = cy - s * 0.2 * max(0.0, 1 - ((x - cx) / (s * 0.3)) ** 2) ** 0.7
        if not cx - s * 0.3 < x < cx + s * 0.3:
            continue
        y = rng.uniform(limit, cy + s * 0.03)
        grain = trace_ellipse(x, y, s * 0.011, s * 0.005, rng.uniform(0, math.pi), n=10)
        draw.polygon(grain, fill=parse_color(rng.choice(tones)), outline=shade(tones[1], 0.85))


def draw_chestnuts(img, rng, variant):
    """Chestnuts of Trùng Khánh: glossy brown, a pale base, a small tip."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    for x, y in scatter_in_ellipse(rng, s / 2, s * 0.54, s * 0.4, s * 0.26, 26):
        r = s * rng.uniform(0.055, 0.07)
        angle = rng.uniform(-0.5, 0.5)
        brown = parse_color(rng.choice(["#7a3f1d", "#6b3416", "#86471f"]))
        body = [
            (x + r * 1.05 * math.sin(a), y - r * (1.0 if math.cos(a) > 0 else 0.8) * math.cos(a))
            for a in spread(0, 6.28, 36)
        ]
        body = rotate_points(body, x, y, angle)
        draw.polygon(body, fill=brown, outline=shade(brown, 0.7))
        arc = [(x + r * 1.04 * math.sin(a), y + r * 0.8 * math.cos(a)) for a in spread(-1.05, 1.05, 14)]
        base = rotate_points([*arc, (x, y + r * 0.3)], x, y, angle)
        draw.polygon(base, fill=parse_color("#cfa679"))
        tip = rotate_points(
            [(x - r * 0.12, y - r * 0.92), (x, y - r * 1.22), (x + r * 0.12, y - r * 0.92)], x, y, angle
        )
        draw.polygon(tip, fill=parse_color("#d8b890"))
        shine = trace_ellipse(x - r * 0.35, y - r * 0.35, r * 0.22, r * 0.12, angle - 0.7, n=16)
        draw.polygon(shine, fill=shade(brown, 1.45))
    if variant == "cracked":
        for x, y in scatter_in_ellipse(rng, s / 2, s * 0.56, s * 0.3, s * 0.18, 6):
            r = s * 0.045
            draw.ellipse(
                [x - r, y - r * 0.8, x + r, y + r * 0.8], fill=parse_color("#f0d49a"), outline=parse_color("#c99a5a")
            )


def draw_round_fruit(img, rng, variant):
    """Tangerines of Trà Lĩnh with leaves, or black trám (canarium) with their bloom."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    black = variant == "black"
    positions = scatter_in_ellipse(rng, s / 2, s * 0.52, s * 0.38, s * 0.24, 24 if black else 11)
    for x, y in positions:
        if black:
            r, angle = s * rng.uniform(0.045, 0.055), rng.uniform(0, math.pi)
            draw.polygon(
                trace_ellipse(x, y, r * 1.5, r, angle), fill=parse_color(rng.choice(["#3a2136", "#2d1a2c", "#45293f"]))
            )
            draw.polygon(trace_ellipse(x - r * 0.3, y - r * 0.3, r * 0.6, r * 0.25, angle), fill=parse_color("#7a6a86"))
            continue
        r = s * rng.uniform(0.085, 0.1)
        draw.ellipse([x - r, y - r * 0.92, x + r, y + r * 0.92], fill=parse_color("#ec7a12"))
        draw.ellipse([x - r * 0.85, y - r * 0.85, x + r * 0.6, y + r * 0.55], fill=parse_color("#f49a2a"))
        draw.ellipse([x - r * 0.55, y - r * 0.62, x - r * 0.15, y - r * 0.3], fill=parse_color("#fcc46b"))
        for _ in range(10):
            dx, dy = rng.uniform(-0.7, 0.7) * r, rng.uniform(-0.7, 0.7) * r
            draw.ellipse([x + dx - 2, y + dy - 2, x + dx + 2, y + dy + 2], fill=parse_color("#d9690d"))
        draw.ellipse([x - r * 0.08, y - r * 0.98, x + r * 0.08, y - r * 0.84], fill=parse_color("#5b6b2a"))
        if rng.random() < 0.55:
            draw_leaf(
                draw, x, y - r * 0.9, r * 1.4, r * 0.6, rng.uniform(-2.6, -0.5), rng.choice(["#3f7f34", "#4d9340"])
            )
    for _ in range(4 if black else 0):
        x, y = rng.uniform(s * 0.2, s * 0.8), rng.uniform(s * 0.32, s * 0.42)
        draw_leaf(draw, x, y, s * 0.16, s * 0.06, rng.uniform(-3, 0), "#4b7f36")


def draw_dried_slices(img, rng, variant):
    """Round slices on a tray: candied tangerine, or red-brown hà thủ ô root."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    root = variant == "root"
    for x, y in scatter_in_ellipse(rng, s / 2, s * 0.54, s * 0.38, s * 0.25, 22):
        r = s * rng.uniform(0.05, 0.07)
        if root:
            points = [
                (x + r * (1 + 0.15 * math.sin(5 * a + x)) * math.cos(a), y + r * 0.8 * math.sin(a))
                for a in spread(0, 6.28, 30)
            ]
            draw.polygon(points, fill=parse_color("#7b3426"), outline=parse_color("#5a2219"))
            for t in (0.65, 0.35):
                draw.ellipse(
                    [x - r * t, y - r * t * 0.8, x + r * t, y + r * t * 0.8], outline=parse_color("#a85a3f"), width=3
                )
            continue
        draw.ellipse([x - r, y - r * 0.8, x + r, y + r * 0.8], fill=parse_color("#e9801c"))
        draw.ellipse([x - r * 0.85, y - r * 0.68, x + r * 0.85, y + r * 0.68], fill=parse_color("#f6b24a"))
        for i in range(9):
            a = 2 * math.pi * i / 9
            draw.line(
                [(x, y), (x + r * 0.85 * math.cos(a), y + r * 0.68 * math.sin(a))], fill=parse_color("#e9801c"), width=3
            )


def draw_herb_bundle(img, rng, variant):
    """A bundle of dried thạch đen plant: dark wiry stems with small curled leaves, tied with string."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    for bundle, (cx, cy, angle) in enumerate([(0.45, 0.5, -0.3), (0.56, 0.6, 0.12)]):
        cx, cy = s * cx, s * cy
        for _ in range(80):
            offset = rng.gauss(0, s * 0.025)
            length = s * rng.uniform(0.22, 0.3)
            spread = rng.uniform(-0.08, 0.08)
            start = (
                cx - length * math.cos(angle + spread) + offset * math.sin(angle),
                cy - length * math.sin(angle + spread),
            )
            end = (cx + length * math.cos(angle - spread), cy + length * math.sin(angle - spread) + offset)
            color = parse_color(rng.choice(["#2c211b", "#3b2b22", "#4a3628", "#1f1814"]))
            draw.line([start, (cx, cy + offset * 0.3), end], fill=color, width=3)
            if rng.random() < 0.5:
                t = rng.random()
                lx, ly = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
                draw.polygon(trace_ellipse(lx, ly, s * 0.012, s * 0.006, rng.uniform(0, 3), n=10), fill=color)
        band = "#c0392b" if bundle == 0 else "#b88a4a"
        tie = trace_ellipse(cx, cy, s * 0.02, s * 0.045, angle, n=20)
        draw.polygon(tie, fill=parse_color(band))


def draw_jelly(img, rng, variant):
    """Cubes of black grass jelly on a white plate, a few mint-green leaves."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    cx, cy = s / 2, s * 0.58
    cast_shadow(img, [cx - s * 0.38, cy - s * 0.12, cx + s * 0.38, cy + s * 0.22])
    draw.ellipse([cx - s * 0.37, cy - s * 0.2, cx + s * 0.37, cy + s * 0.16], fill=parse_color("#e8e4dc"))
    draw.ellipse([cx - s * 0.31, cy - s * 0.15, cx + s * 0.31, cy + s * 0.11], fill=parse_color("#fbf9f5"))
    cubes = [
        (-0.14, -0.06),
        (0.02, -0.08),
        (0.16, -0.04),
        (-0.2, 0.04),
        (-0.05, 0.03),
        (0.1, 0.05),
        (0.0, -0.18),
        (-0.12, -0.15),
    ]
    cubes.sort(key=lambda p: p[1])
    for dx, dy in cubes:
        x, y, a = cx + dx * s, cy + dy * s, s * rng.uniform(0.06, 0.07)
        top = [(x, y - a * 0.5), (x + a, y - a * 0.1), (x, y + a * 0.3), (x - a, y - a * 0.1)]
        left = [(x - a, y - a * 0.1), (x, y + a * 0.3), (x, y + a * 1.1), (x - a, y + a * 0.7)]
        right = [(x + a, y - a * 0.1), (x, y + a * 0.3), (x, y + a * 1.1), (x + a, y + a * 0.7)]
        draw.polygon(top, fill=parse_color("#4a403b"))
        draw.polygon(left, fill=parse_color("#1d1714"))
        draw.polygon(right, fill=parse_color("#2c2420"))
        draw.line([(x - a * 0.6, y - a * 0.12), (x - a * 0.05, y - a * 0.38)], fill=parse_color("#9b918a"), width=4)
    for angle in (-2.4, -0.6):
        draw_leaf(draw, cx + s * 0.26 * (1 if angle > -1 else -1), cy + s * 0.06, s * 0.11, s * 0.05, angle, "#5aa24a")


def draw_star_anise(img, rng, variant):
    """Star anise: eight red-brown boat-shaped pods, a shiny seed in each."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    for x, y in scatter_in_ellipse(rng, s / 2, s * 0.53, s * 0.36, s * 0.22, 14):
        r, turn = s * rng.uniform(0.055, 0.07), rng.uniform(0, 1)
        for i in range(8):
            a = turn + 2 * math.pi * i / 8
            draw.polygon(
                trace_leaf(x, y, r, r * 0.5, a, n=10), fill=parse_color("#8d3a1c"), outline=parse_color("#5e2410")
            )
            draw.polygon(
                trace_ellipse(x + r * 0.55 * math.cos(a), y + r * 0.55 * math.sin(a), r * 0.14, r * 0.08, a, n=10),
                fill=parse_color("#c98d4d"),
            )
        draw.ellipse([x - r * 0.1, y - r * 0.1, x + r * 0.1, y + r * 0.1], fill=parse_color("#5e2410"))


def draw_dried_leaves(img, rng, variant):
    """Dried leaves on a tray: mác mật (olive green, small dark fruits) or kim ngân flowers."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    flowers = variant == "flowers"
    for x, y in scatter_in_ellipse(rng, s / 2, s * 0.54, s * 0.4, s * 0.26, 70 if flowers else 45):
        angle = rng.uniform(0, 2 * math.pi)
        if flowers:
            color = rng.choice(["#f6e7a6", "#efd36b", "#fff5cf", "#e8c45a"])
            draw.polygon(
                trace_leaf(x, y, s * 0.07, s * 0.018, angle, n=10), fill=parse_color(color), outline=shade(color, 0.8)
            )
            end = (x + s * 0.07 * math.cos(angle), y + s * 0.07 * math.sin(angle))
            draw.ellipse([end[0] - 5, end[1] - 5, end[0] + 5, end[1] + 5], fill=shade(color, 0.85))
        else:
            draw_leaf(draw, x, y, s * 0.08, s * 0.035, angle, rng.choice(["#7b8a48", "#66733a", "#8c9656", "#59652f"]))
    if not flowers:
        for x, y in scatter_in_ellipse(rng, s / 2, s * 0.56, s * 0.3, s * 0.18, 12):
            r = s * 0.016
            draw.ellipse([x - r, y - r, x + r, y + r], fill=parse_color("#2f2620"))
    else:
        for _ in range(5):
            x, y = rng.uniform(s * 0.25, s * 0.75), rng.uniform(s * 0.4, s * 0.7)
            draw_leaf(draw, x, y, s * 0.1, s * 0.045, rng.uniform(0, 6.28), "#4e8a3a")


def draw_bamboo_shoots(img, rng, variant):
    """Dried bamboo shoots: flat golden-brown strips with fibres, tied in a bundle."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.56, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    cx, cy, angle = s * 0.5, s * 0.53, -0.25
    for i in range(12):
        offset = (i - 6) * s * 0.022 + rng.uniform(-5, 5)
        length = s * rng.uniform(0.3, 0.36)
        color = parse_color(rng.choice(["#c99a4b", "#b5843a", "#d8ad5e", "#a6752f"]))
        x0, y0 = (
            cx - length * math.cos(angle) - offset * math.sin(angle),
            cy - length * math.sin(angle) + offset * math.cos(angle),
        )
        x1, y1 = (
            cx + length * math.cos(angle) - offset * math.sin(angle),
            cy + length * math.sin(angle) + offset * math.cos(angle),
        )
        width = s * 0.026
        nx, ny = -math.sin(angle) * width / 2, math.cos(angle) * width / 2
        draw.polygon(
            [(x0 + nx, y0 + ny), (x1 + nx * 0.6, y1 + ny * 0.6), (x1 - nx * 0.6, y1 - ny * 0.6), (x0 - nx, y0 - ny)],
            fill=color,
        )
        for _ in range(3):
            t = rng.uniform(-0.3, 0.3)
            draw.line([(x0 + nx * t * 2, y0 + ny * t * 2), (x1 + nx * t, y1 + ny * t)], fill=shade(color, 0.8), width=2)
    for along in (-0.14, 0.14):
        tx, ty = cx + s * along * math.cos(angle), cy + s * along * math.sin(angle)
        draw.polygon(trace_ellipse(tx, ty, s * 0.012, s * 0.16, angle, n=24), fill=parse_color("#b23a2a"))


def draw_sausages(img, rng, variant):
    """Smoked lạp sườn hanging in pairs from a bamboo pole, or slabs of smoked pork belly."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    pole_y = s * 0.2
    draw.rounded_rectangle(
        [s * 0.06, pole_y - s * 0.02, s * 0.94, pole_y + s * 0.02], radius=s * 0.02, fill=parse_color("#c8a45e")
    )
    for x in (0.28, 0.62):
        draw.line([(s * x, pole_y - s * 0.02), (s * x, pole_y + s * 0.02)], fill=parse_color("#9c7a3a"), width=6)
    slabs = variant == "slab"
    columns = (0.22, 0.41, 0.6, 0.79) if slabs else (0.16, 0.3, 0.44, 0.58, 0.72, 0.86)
    for column in columns:
        x = s * column + rng.uniform(-6, 6)
        length = s * rng.uniform(0.38, 0.46)
        top = pole_y + s * 0.07
        draw.line([(x, pole_y), (x, top)], fill=parse_color("#d8c7a0"), width=5)
        cast_shadow(img, [x - s * 0.05, top + length * 0.9, x + s * 0.07, top + length + s * 0.06], strength=60)
        if slabs:
            w = s * 0.075
            layers = ["#2e1a10", "#6e2f1f", "#d8b389", "#7a3322", "#e0bf95", "#6a2c1c"]
            step = length / len(layers)
            for j, color in enumerate(layers):
                draw.rectangle([x - w, top + j * step, x + w, top + (j + 1) * step], fill=parse_color(color))
            draw.rectangle([x - w, top, x + w, top + length], outline=parse_color("#24140c"), width=4)
            continue
        w = s * 0.028
        color = parse_color(rng.choice(["#8e2a1e", "#9b3322", "#7f2419"]))
        draw.rounded_rectangle([x - w, top, x + w, top + length], radius=w, fill=color)
        draw.rounded_rectangle(
            [x - w * 0.5, top + w, x - w * 0.1, top + length - w], radius=w * 0.2, fill=shade(color, 1.25)
        )
        for _ in range(14):
            fx, fy = x + rng.uniform(-0.6, 0.6) * w, top + rng.uniform(0.1, 0.9) * length
            draw.ellipse([fx - 4, fy - 3, fx + 4, fy + 3], fill=parse_color("#eccfab"))
        draw.line([(x - w, top + length * 0.5), (x + w, top + length * 0.5)], fill=parse_color("#e6d5b0"), width=4)


def draw_cakes(img, rng, variant):
    """Bánh khảo: pressed cream squares with a flower stamp, some wrapped in red paper."""
    s = img.size[0]
    draw_tray(img, s / 2, s * 0.58, s * 0.42, s * 0.3)
    draw = ImageDraw.Draw(img)
    spots = [(x, y) for y in (0.44, 0.55, 0.66) for x in (0.3, 0.44, 0.58, 0.72)]
    for i, (x, y) in enumerate(spots):
        x, y = s * (x + (0.02 if y > 0.5 else 0)), s * y
        a = s * 0.058
        if i % 5 == 2:
            draw.rounded_rectangle(
                [x - a, y - a * 0.8, x + a, y + a * 0.8], radius=a * 0.15, fill=parse_color("#c8102e")
            )
            draw.rectangle([x - a * 0.25, y - a * 0.8, x + a * 0.25, y + a * 0.8], fill=parse_color("#e7b63b"))
            continue
        cream = parse_color(rng.choice(["#f7efdc", "#f3e6cc", "#faf3e4"]))
        draw.rounded_rectangle(
            [x - a, y - a * 0.8 + a * 0.18, x + a, y + a * 0.8 + a * 0.18], radius=a * 0.15, fill=shade(cream, 0.82)
        )
        draw.rounded_rectangle([x - a, y - a * 0.8, x + a, y + a * 0.8], radius=a * 0.15, fill=cream)
        stamp = shade(cream, 0.88)
        for k in range(6):
            ang = math.pi * k / 3
            draw.ellipse(
                [
                    x + a * 0.32 * math.cos(ang) - a * 0.16,
                    y + a * 0.26 * math.sin(ang) - a * 0.12,
                    x + a * 0.32 * math.cos(ang) + a * 0.16,
                    y + a * 0.26 * math.sin(ang) + a * 0.12,
                ],
                outline=stamp,
                width=3,
            )
        draw.ellipse([x - a * 0.12, y - a * 0.1, x + a * 0.12, y + a * 0.1], fill=stamp)


def draw_jars(img, rng, variant):
    """Glass jars with a cloth lid: honey, tương, tangerine jam or chilli sauce, with a prop beside them."""
    s = img.size[0]
    draw_table(img, s * 0.66)
    draw = ImageDraw.Draw(img)
    fills = {
        "honey": ("#e39a17", "#f6c657"),
        "sauce": ("#7a4a1e", "#a46a33"),
        "jam": ("#e0661a", "#f39a4a"),
        "chilli": ("#c0301c", "#e2573a"),
    }
    fill, light = fills.get(variant, fills["honey"])
    for cx, scale in ((0.36, 0.8), (0.56, 1.0)):
        cx = s * cx
        w, h = s * 0.15 * scale, s * 0.42 * scale
        bottom = s * 0.78
        top = bottom - h
        cast_shadow(img, [cx - w * 1.2, bottom - s * 0.03, cx + w * 1.4, bottom + s * 0.05], strength=140)
        draw.rounded_rectangle([cx - w, top, cx + w, bottom], radius=w * 0.35, fill=parse_color("#f4efe6"))
        draw.rounded_rectangle(
            [cx - w * 0.9, top + h * 0.12, cx + w * 0.9, bottom - w * 0.08], radius=w * 0.3, fill=parse_color(fill)
        )
        draw.rounded_rectangle(
            [cx - w * 0.7, top + h * 0.16, cx - w * 0.45, bottom - h * 0.12], radius=w * 0.1, fill=parse_color(light)
        )
        # The cloth lid, tied with a string.
        cloth = rng.choice(["#c8312a", "#2b3c6b", "#d9822b"])
        draw.polygon(
            [
                (cx - w * 1.05, top + h * 0.1),
                (cx - w * 0.8, top - h * 0.06),
                (cx + w * 0.8, top - h * 0.06),
                (cx + w * 1.05, top + h * 0.1),
                (cx + w * 0.6, top + h * 0.06),
                (cx - w * 0.6, top + h * 0.06),
            ],
            fill=parse_color(cloth),
        )
        draw.line(
            [(cx - w * 0.85, top + h * 0.05), (cx + w * 0.85, top + h * 0.05)], fill=parse_color("#f1e2b8"), width=5
        )
        draw.rounded_rectangle(
            [cx - w * 0.62, top + h * 0.42, cx + w * 0.62, top + h * 0.7], radius=w * 0.1, fill=parse_color("#fbf4e2")
        )
        mountains = [
            (cx - w * 0.45, top + h * 0.62),
            (cx - w * 0.2, top + h * 0.48),
            (cx, top + h * 0.58),
            (cx + w * 0.22, top + h * 0.46),
            (cx + w * 0.45, top + h * 0.62),
        ]
        draw.line(mountains, fill=parse_color("#3e7a4a"), width=5, joint="curve")
    prop_x, prop_y = s * 0.8, s * 0.74
    if variant == "honey":
        for i, (dx, dy) in enumerate([(0, 0), (1, 0), (0.5, -0.87), (-0.5, -0.87), (0.5, 0.87), (1.5, -0.87)]):
            r = s * 0.04
            hx, hy = prop_x + dx * r * 1.8, prop_y + dy * r * 1.8 - s * 0.04
            draw.polygon(
                [(hx + r * math.cos(math.pi / 3 * k), hy + r * math.sin(math.pi / 3 * k)) for k in range(6)],
                fill=parse_color("#f3b82f" if i % 2 else "#e6a01b"),
                outline=parse_color("#b8770f"),
            )
    elif variant == "sauce":
        for x, y in scatter_in_ellipse(rng, prop_x, prop_y, s * 0.1, s * 0.04, 30):
            draw.ellipse([x - 9, y - 8, x + 9, y + 8], fill=parse_color("#e8c274"), outline=parse_color("#b8904a"))
    elif variant == "chilli":
        for k in range(3):
            draw.polygon(
                trace_leaf(prop_x - s * 0.08, prop_y - k * s * 0.035, s * 0.17, s * 0.035, -0.15, n=12),
                fill=parse_color("#d42a1c"),
            )
    else:
        draw.ellipse(
            [prop_x - s * 0.07, prop_y - s * 0.07, prop_x + s * 0.07, prop_y + s * 0.05], fill=parse_color("#ec7a12")
        )
        draw_leaf(draw, prop_x, prop_y - s * 0.07, s * 0.1, s * 0.04, -1.0, "#3f7f34")


def draw_bottle(img, rng, variant):
    """Corn wine in a clear bottle stoppered with dried leaf, an ear of corn beside it."""
    s = img.size[0]
    draw_table(img, s * 0.68)
    draw = ImageDraw.Draw(img)
    cx, bottom = s * 0.42, s * 0.8
    cast_shadow(img, [cx - s * 0.16, bottom - s * 0.03, cx + s * 0.2, bottom + s * 0.05], strength=140)
    draw.rounded_rectangle(
        [cx - s * 0.13, s * 0.36, cx + s * 0.13, bottom], radius=s * 0.05, fill=parse_color("#dfe8e6")
    )
    draw.polygon(
        [(cx - s * 0.13, s * 0.4), (cx - s * 0.045, s * 0.25), (cx + s * 0.045, s * 0.25), (cx + s * 0.13, s * 0.4)],
        fill=parse_color("#dfe8e6"),
    )
    draw.rectangle([cx - s * 0.045, s * 0.2, cx + s * 0.045, s * 0.26], fill=parse_color("#dfe8e6"))
    draw.rounded_rectangle(
        [cx - s * 0.115, s * 0.42, cx + s * 0.115, bottom - s * 0.015], radius=s * 0.04, fill=parse_color("#f2e7c2")
    )
    draw.rectangle([cx - s * 0.09, s * 0.43, cx - s * 0.06, bottom - s * 0.04], fill=parse_color("#fbf6e6"))
    draw.polygon(
        [(cx - s * 0.055, s * 0.21), (cx - s * 0.07, s * 0.15), (cx + s * 0.07, s * 0.15), (cx + s * 0.055, s * 0.21)],
        fill=parse_color("#b99b5a"),
    )
    draw.line([(cx - s * 0.055, s * 0.205), (cx + s * 0.055, s * 0.205)], fill=parse_color("#c0392b"), width=6)
    draw.rounded_rectangle([cx - s * 0.09, s * 0.52, cx + s * 0.09, s * 0.66], radius=10, fill=parse_color("#c9a46a"))
    draw.line(
        [
            (cx - s * 0.06, s * 0.61),
            (cx - s * 0.02, s * 0.56),
            (cx + s * 0.01, s * 0.6),
            (cx + s * 0.04, s * 0.55),
            (cx + s * 0.07, s * 0.61),
        ],
        fill=parse_color("#6b4a20"),
        width=5,
    )
    # An ear of corn lying in front.
    kx, ky = s * 0.72, s * 0.78
    cast_shadow(img, [kx - s * 0.16, ky - s * 0.02, kx + s * 0.16, ky + s * 0.06], strength=110)
    draw.polygon(trace_ellipse(kx, ky - s * 0.03, s * 0.15, s * 0.055, -0.2), fill=parse_color("#f0b52a"))
    for i in range(-5, 6):
        for j in range(-1, 2):
            px, py = rotate_points([(kx + i * s * 0.024, ky - s * 0.03 + j * s * 0.028)], kx, ky - s * 0.03, -0.2)[0]
            if ((px - kx) / (s * 0.14)) ** 2 + ((py - ky + s * 0.03) / (s * 0.05)) ** 2 < 1:
                draw.ellipse(
                    [px - s * 0.01, py - s * 0.011, px + s * 0.01, py + s * 0.011], fill=parse_color("#f7cf4f")
                )
    draw_leaf(draw, kx + s * 0.1, ky - s * 0.05, s * 0.2, s * 0.07, -0.1, "#c9b46a")
    draw_leaf(draw, kx + s * 0.1, ky - s * 0.02, s * 0.18, s * 0.06, 0.25, "#b59d55")


def draw_tea(img, rng, variant):
    """Curled tea leaves on a tray and a cup of tea; silver-tipped for Shan tuyết, five-leaf for giảo cổ lam."""
    s = img.size[0]
    draw_tray(img, s * 0.4, s * 0.58, s * 0.33, s * 0.24)
    draw = ImageDraw.Draw(img)
    herbal = variant == "herbal"
    for x, y in scatter_in_ellipse(rng, s * 0.4, s * 0.56, s * 0.3, s * 0.2, 70 if herbal else 320):
        angle = rng.uniform(0, 2 * math.pi)
        if herbal:
            for k in range(5):
                draw.polygon(
                    trace_leaf(x, y, s * 0.045, s * 0.016, angle + (k - 2) * 0.45, n=10),
                    fill=parse_color(rng.choice(["#4f6b2c", "#3f5a24", "#627f36"])),
                )
            continue
        length = s * rng.uniform(0.03, 0.05)
        end = (x + length * math.cos(angle), y + length * math.sin(angle))
        mid = ((x + end[0]) / 2 + rng.uniform(-8, 8), (y + end[1]) / 2 + rng.uniform(-8, 8))
        draw.line(
            [(x, y), mid, end],
            fill=parse_color(rng.choice(["#2f4424", "#3c5530", "#4b6336", "#26371d"])),
            width=10,
            joint="curve",
        )
        if rng.random() < 0.25:
            draw.ellipse([end[0] - 4, end[1] - 4, end[0] + 4, end[1] + 4], fill=parse_color("#e9ecdc"))
    # The cup, on its saucer.
    cx, cy = s * 0.74, s * 0.72
    cast_shadow(img, [cx - s * 0.17, cy - s * 0.02, cx + s * 0.17, cy + s * 0.08], strength=120)
    draw.ellipse([cx - s * 0.16, cy - s * 0.03, cx + s * 0.16, cy + s * 0.05], fill=parse_color("#e9e4da"))
    draw.chord([cx - s * 0.11, cy - s * 0.2, cx + s * 0.11, cy + s * 0.02], 0, 180, fill=parse_color("#fbfaf6"))
    draw.ellipse([cx - s * 0.11, cy - s * 0.12, cx + s * 0.11, cy - s * 0.06], fill=parse_color("#f4f1ea"))
    draw.ellipse(
        [cx - s * 0.095, cy - s * 0.115, cx + s * 0.095, cy - s * 0.068],
        fill=parse_color("#9c7a2a" if herbal else "#c7b454"),
    )
    draw.line([(cx - s * 0.05, cy - s * 0.01), (cx + s * 0.05, cy - s * 0.01)], fill=parse_color("#2b3c6b"), width=6)
    # A fresh sprig: two leaves and a bud.
    draw_leaf(draw, s * 0.66, s * 0.3, s * 0.16, s * 0.07, -0.5, "#5b8f3a")
    draw_leaf(draw, s * 0.66, s * 0.3, s * 0.14, s * 0.06, -1.9, "#6aa247")
    draw.polygon(trace_leaf(s * 0.66, s * 0.3, s * 0.1, s * 0.03, -1.2), fill=parse_color("#dfe8cf"))


# Cloth


def draw_textile(width, height, rng, palette):
    """Bands of embroidery on indigo: diamonds, zigzags, eight-pointed Dao stars, stripes and dots."""
    base, colors = TEXTILES[palette]
    img = Image.new("RGB", (int(width), int(height)), parse_color(base))
    draw = ImageDraw.Draw(img)
    unit = max(10, int(width / 22))
    bands = [rng.choice(["diamonds", "zigzag", "stars", "stripe", "dots", "checks"]) for _ in range(5)]
    sequence = bands + ["stripe"] + bands[::-1]
    band_colors = [(rng.choice(colors), rng.choice(colors)) for _ in sequence]
    y = unit * 0.5
    while y < height:
        for band, (c1, c2) in zip(sequence, band_colors, strict=True):
            c1, c2 = parse_color(c1), parse_color(c2)
            if band == "stripe":
                draw.rectangle([0, y, width, y + unit * 0.3], fill=c1)
                y += unit * 0.7
                continue
            h = unit * 1.2
            if band == "diamonds":
                for x in spread(0, width + h, int(width / h) + 2):
                    draw.polygon([(x, y), (x + h / 2, y + h / 2), (x, y + h), (x - h / 2, y + h / 2)], fill=c1)
                    draw.polygon(
                        [(x, y + h * 0.3), (x + h * 0.2, y + h / 2), (x, y + h * 0.7), (x - h * 0.2, y + h / 2)],
                        fill=c2,
                    )
            elif band == "zigzag":
                points = [
                    (x, y + (h if i % 2 else 0)) for i, x in enumerate(spread(0, width + h, int(width / (h / 2)) + 2))
                ]
                draw.line(points, fill=c1, width=max(3, int(unit * 0.22)), joint="curve")
            elif band == "stars":
                for x in spread(h, width + h, int(width / (h * 1.6)) + 1):
                    draw.polygon(trace_star(x, y + h / 2, h * 0.55, h * 0.22, 8), fill=c1)
                    draw.ellipse([x - h * 0.1, y + h * 0.4, x + h * 0.1, y + h * 0.6], fill=c2)
            elif band == "dots":
                for x in spread(h / 2, width, int(width / (h * 0.7)) + 1):
                    draw.ellipse([x - h * 0.15, y + h * 0.35, x + h * 0.15, y + h * 0.65], fill=c1)
            elif band == "checks":
                for i, x in enumerate(spread(0, width, int(width / (h / 2)) + 1)):
                    row = y + (0 if i % 2 else h / 2)
                    draw.rectangle([x, row, x + h / 2, row + h / 2], fill=c1)
            y += h + unit * 0.4
            if y >= height:
                break
    return img


def draw_batik(width, height, rng):
    """Beeswax-resist on indigo: pale blue spirals and crosses."""
    img = Image.new("RGB", (int(width), int(height)), parse_color("#213157"))
    draw = ImageDraw.Draw(img)
    step = width / 5
    for row, y in enumerate(spread(step / 2, height, int(height / step) + 1)):
        for x in spread(step / 2 + (step / 2 if row % 2 else 0), width, 6):
            for k in range(3):
                r = step * (0.38 - k * 0.11)
                draw.ellipse(
                    [x - r, y - r, x + r, y + r], outline=parse_color("#a9c2e4"), width=max(3, int(step * 0.04))
                )
            draw.line(
                [(x - step * 0.5, y - step * 0.5), (x - step * 0.42, y - step * 0.42)],
                fill=parse_color("#a9c2e4"),
                width=4,
            )
    return img


def paste_cloth(img, cloth, box, radius):
    mask = Image.new("L", cloth.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, cloth.size[0] - 1, cloth.size[1] - 1], radius=radius, fill=255)
    img.paste(cloth, (int(box[0]), int(box[1])), mask)


def draw_pompom(draw, x, y, r, color):
    draw.ellipse([x - r, y - r, x + r, y + r], fill=parse_color(color))
    draw.ellipse([x - r * 0.5, y - r * 0.6, x, y - r * 0.1], fill=shade(color, 1.3))


def draw_bag(img, rng, variant):
    """A shoulder bag of Dao brocade with pompoms, or an indigo tote printed in beeswax."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    palette = "indigo" if variant in ("indigo", "tote") else "dao"
    x0, y0, x1, y1 = s * 0.24, s * 0.36, s * 0.76, s * 0.8
    cast_shadow(img, [x0 - s * 0.02, y1 - s * 0.05, x1 + s * 0.05, y1 + s * 0.06], strength=130)
    if variant == "tote":
        for dx in (0.36, 0.64):
            draw.arc(
                [s * (dx - 0.09), s * 0.18, s * (dx + 0.09), s * 0.54],
                180,
                360,
                fill=parse_color("#1b2746"),
                width=int(s * 0.025),
            )
        cloth = draw_batik(x1 - x0, y1 - y0, rng)
        paste_cloth(img, cloth, (x0, y0), s * 0.015)
        return
    draw.arc(
        [x0 + s * 0.02, s * 0.16, x1 - s * 0.02, s * 0.62],
        180,
        360,
        fill=parse_color(TEXTILES[palette][0]),
        width=int(s * 0.035),
    )
    draw.arc(
        [x0 + s * 0.035, s * 0.175, x1 - s * 0.035, s * 0.605],
        180,
        360,
        fill=parse_color("#d7312e"),
        width=int(s * 0.008),
    )
    paste_cloth(img, draw_textile(x1 - x0, y1 - y0, rng, palette), (x0, y0), s * 0.04)
    base = parse_color(TEXTILES[palette][0])
    flap = [
        (x0, y0 + s * 0.03),
        (x0 + s * 0.03, y0),
        (x1 - s * 0.03, y0),
        (x1, y0 + s * 0.03),
        (x1, y0 + s * 0.13),
        ((x0 + x1) / 2, y0 + s * 0.2),
        (x0, y0 + s * 0.13),
    ]
    draw.polygon(flap, fill=base)
    draw.line(flap[4:] + flap[:1], fill=parse_color("#f2c230"), width=int(s * 0.008))
    draw_pompom(draw, (x0 + x1) / 2, y0 + s * 0.22, s * 0.03, "#d7312e")
    for x in (x0 + s * 0.04, x1 - s * 0.04):
        draw.line([(x, y1), (x, y1 + s * 0.06)], fill=parse_color("#f2c230"), width=5)
        draw_pompom(draw, x, y1 + s * 0.08, s * 0.028, rng.choice(["#d7312e", "#e2487a", "#e8672b"]))


def draw_scarf(img, rng, variant):
    """A folded scarf of embroidered cloth, its fringed end hanging in front."""
    s = img.size[0]
    palette = "indigo" if variant == "indigo" else "dao"
    draw = ImageDraw.Draw(img)
    cast_shadow(img, [s * 0.14, s * 0.6, s * 0.9, s * 0.84], strength=120)
    pattern = draw_textile(s * 0.64, s * 0.17, rng, palette)
    for i, y in enumerate((0.3, 0.43, 0.56)):
        x0, y0 = s * (0.14 + i * 0.03), s * y
        cast_shadow(img, [x0, y0 + s * 0.1, x0 + s * 0.66, y0 + s * 0.22], strength=70)
        img.paste(pattern, (int(x0), int(y0)))
        draw.line([(x0, y0), (x0 + s * 0.64, y0)], fill=shade(TEXTILES[palette][0], 1.4), width=4)
    # The fringe at the front end.
    x0, y0 = s * 0.2 + s * 0.64, s * 0.56
    for k in range(18):
        y = y0 + k * s * 0.17 / 17
        draw.line(
            [(x0, y), (x0 + s * 0.06, y + rng.uniform(-6, 6))],
            fill=parse_color(rng.choice(TEXTILES[palette][1])),
            width=5,
        )


def draw_purse(img, rng, variant):
    """A small brocade purse with a zip and a wrist loop."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = s * 0.2, s * 0.4, s * 0.8, s * 0.74
    cast_shadow(img, [x0, y1 - s * 0.04, x1 + s * 0.04, y1 + s * 0.05], strength=130)
    draw.arc(
        [x1 - s * 0.16, s * 0.26, x1 + s * 0.08, s * 0.5], 200, 100, fill=parse_color("#1e2442"), width=int(s * 0.018)
    )
    paste_cloth(img, draw_textile(x1 - x0, y1 - y0, rng, "dao"), (x0, y0), s * 0.06)
    draw.rectangle([x0 + s * 0.04, y0 + s * 0.015, x1 - s * 0.04, y0 + s * 0.035], fill=parse_color("#c9c4b8"))
    for x in spread(x0 + s * 0.05, x1 - s * 0.05, 40):
        draw.line([(x, y0 + s * 0.015), (x, y0 + s * 0.035)], fill=parse_color("#8c877c"), width=2)
    draw.rounded_rectangle(
        [x1 - s * 0.1, y0 + s * 0.005, x1 - s * 0.07, y0 + s * 0.07], radius=6, fill=parse_color("#b8b2a4")
    )


def draw_pillow(img, rng, variant):
    """A square cushion cover of brocade with tassels at the corners."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = s * 0.2, s * 0.2, s * 0.8, s * 0.8
    cast_shadow(img, [x0, y1 - s * 0.05, x1 + s * 0.05, y1 + s * 0.07], strength=130)
    paste_cloth(img, draw_textile(x1 - x0, y1 - y0, rng, "dao"), (x0, y0), s * 0.05)
    draw.rounded_rectangle([x0, y0, x1, y1], radius=s * 0.05, outline=parse_color("#d7312e"), width=int(s * 0.012))
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        draw_pompom(draw, x, y, s * 0.035, rng.choice(["#d7312e", "#f2c230", "#e2487a"]))


def draw_folded_cloth(img, rng, variant):
    """Folded indigo cloth in a stack, each piece edged with a band of brocade."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    palette = "indigo" if variant == "indigo" else "dao"
    cast_shadow(img, [s * 0.16, s * 0.7, s * 0.88, s * 0.86], strength=140)
    for i in range(4):
        y = s * (0.66 - i * 0.1)
        x0, x1 = s * (0.2 + i * 0.01), s * (0.8 - i * 0.01)
        color = ["#1b2746", "#243459", "#1e2a4a", "#2a3b63"][i]
        draw.rounded_rectangle([x0, y - s * 0.09, x1, y + s * 0.04], radius=s * 0.02, fill=parse_color(color))
        draw.line([(x0 + s * 0.02, y), (x1 - s * 0.02, y)], fill=shade(color, 0.7), width=4)
        band = draw_textile(x1 - x0, s * 0.045, random.Random(i + len(variant)), palette)
        img.paste(band, (int(x0), int(y - s * 0.045)))
    if variant == "shirt":
        x, y = s * 0.5, s * 0.27
        draw.polygon(
            [(x - s * 0.08, y - s * 0.06), (x, y + s * 0.03), (x + s * 0.08, y - s * 0.06)], fill=parse_color("#121a33")
        )
        for k in range(4):
            draw.ellipse(
                [
                    x + s * 0.03 + k * s * 0.03,
                    y - s * 0.03 + k * s * 0.015,
                    x + s * 0.045 + k * s * 0.03,
                    y - s * 0.015 + k * s * 0.015,
                ],
                fill=parse_color("#d9d4c5"),
            )


DRAWERS = {
    "noodles": (draw_noodles, "warm"),
    "flour": (draw_flour, "rose"),
    "rice": (draw_grains, "warm"),
    "chestnuts": (draw_chestnuts, "warm"),
    "fruit": (draw_round_fruit, "green"),
    "slices": (draw_dried_slices, "rose"),
    "herbs": (draw_herb_bundle, "green"),
    "jelly": (draw_jelly, "green"),
    "anise": (draw_star_anise, "warm"),
    "leaves": (draw_dried_leaves, "green"),
    "bamboo": (draw_bamboo_shoots, "green"),
    "sausages": (draw_sausages, "warm"),
    "cakes": (draw_cakes, "rose"),
    "jars": (draw_jars, "warm"),
    "bottle": (draw_bottle, "sky"),
    "tea": (draw_tea, "green"),
    "bag": (draw_bag, "warm"),
    "scarf": (draw_scarf, "rose"),
    "purse": (draw_purse, "sky"),
    "pillow": (draw_pillow, "warm"),
    "cloth": (draw_folded_cloth, "sky"),
}


def draw_product_picture(picture, seed, caption="", subtitle="", size=800):
    """A square JPEG of a product: `picture` is a drawer's name, optionally "name:variant"."""
    kind, _, variant = picture.partition(":")
    drawer, mood = DRAWERS[kind]
    rng = random.Random(seed)
    top, bottom = rng.choice(BACKDROPS[mood])
    stage = draw_gradient((size * SUPERSAMPLE,) * 2, top, bottom)
    drawer(stage, rng, variant)
    img = lift_stage(finish(stage, size), round(size * STAGE_LIFT))
    draw_brocade_hem(img, top, bottom)
    draw_caption(img, caption, subtitle)
    return encode_jpeg(img)


# Landscapes and people


def draw_karst(draw, rng, width, base, height, color, peaks):
    """A ridge of karst towers: steep sides, rounded tops, as around Bản Giốc and Phia Oắc."""
    centres = sorted(rng.uniform(-0.1, 1.1) * width for _ in range(peaks))
    shapes = [(c, rng.uniform(0.45, 1.0) * height, rng.uniform(0.05, 0.1) * width) for c in centres]
    points = [(0, base + 10)]
    for x in spread(0, width, 120):
        lift = max(h * math.exp(-(((x - c) / w) ** 4)) for c, h, w in shapes)
        lift += height * 0.12 * (1 + math.sin(x / width * 9 + peaks))
        points.append((x, base - lift))
    points += [(width, base + 10), (width, base + height * 4), (0, base + height * 4)]
    draw.polygon(points, fill=parse_color(color))


def draw_scene(width, height, rng, waterfall=False, house=False):
    """Sky, three ridges of karst mountains in the haze, green terraces with a river or Bản Giốc falls."""
    skies = [("#f9d9b8", "#cfe3ef"), ("#fbd3c4", "#d9dcef"), ("#fde7b0", "#d3e8e4"), ("#f6cfd7", "#cfd9ee")]
    horizon, zenith = rng.choice(skies)
    img = draw_gradient((width, height), zenith, horizon)
    draw = ImageDraw.Draw(img, "RGBA")
    sun_x, sun_y, sun_r = width * rng.uniform(0.2, 0.8), height * rng.uniform(0.12, 0.22), min(width, height) * 0.06
    draw.ellipse([sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=mix(horizon, "#ffffff", 0.6))
    greens = rng.choice(
        [("#9fbfae", "#6f9f80", "#3f7555"), ("#a7b9c9", "#6c9a86", "#3b6b4f"), ("#b3c2b0", "#7ea07a", "#4b7a4b")]
    )
    for i, (base, tall, color) in enumerate(zip((0.5, 0.6, 0.7), (0.28, 0.26, 0.2), greens, strict=True)):
        draw_karst(draw, rng, width, height * base, height * tall, mix(color, horizon, 0.25 - i * 0.1), 5 + i)
        if i < 2:
            # Morning mist lying between the ridges.
            mist = height * (base + 0.02)
            draw.rectangle([0, mist - height * 0.03, width, mist + height * 0.02], fill=(255, 255, 255, 50))
    ground = height * 0.74
    # Young rice, or ripe rice at harvest time.
    field, light, dark = rng.choice([("#86b15a", "#a1c76e", "#74a049"), ("#c8b45a", "#dcc878", "#b09a44")])
    draw.rectangle([0, ground, width, height], fill=parse_color(field))
    for i in range(1, 8):
        y = ground + (height - ground) * (i / 8) ** 1.3
        wave = [(x, y + height * 0.008 * math.sin(x / width * 7 + i)) for x in spread(0, width, 40)]
        draw.line(wave, fill=parse_color(light if i % 2 else dark), width=max(2, height // 160))
    falls_x = width * rng.uniform(0.08, 0.14)
    if waterfall:
        draw_waterfall(draw, rng, falls_x, width * 0.38, height * 0.5, ground + height * 0.03)
    else:
        river = [(x, height * (0.86 + 0.025 * math.sin(x / width * 5 + 1))) for x in spread(0, width, 60)]
        draw.line(river, fill=parse_color("#7dbac3"), width=int(height * 0.035), joint="curve")
    for _ in range(6):
        x = rng.uniform(0.45, 1.0) * width if waterfall else rng.uniform(0, 1) * width
        draw_tree(draw, x, ground + height * 0.01, height * rng.uniform(0.04, 0.06), rng)
    if house:
        draw_stilt_house(draw, width * rng.uniform(0.66, 0.8), ground + height * 0.03, min(width, height) * 0.15)
    return img


def draw_waterfall(draw, rng, left, span, top, bottom):
    """Bản Giốc falls: wide white curtains pouring over a green, tiered cliff, with spray at the foot."""
    height = bottom - top
    cliff = "#4f7a55"
    draw.rectangle([left, top + height * 0.1, left + span, bottom], fill=parse_color(cliff))
    for k in range(10):
        x, r = left + span * k / 9, span * rng.uniform(0.06, 0.09)
        draw.ellipse([x - r, top + height * 0.1 - r, x + r, top + height * 0.1 + r], fill=parse_color("#46704b"))
    ledge = top + height * 0.5
    for x0, x1 in ((0.03, 0.31), (0.35, 0.63), (0.67, 0.97)):
        x0, x1 = left + span * x0, left + span * x1
        y0 = top + height * rng.uniform(0.1, 0.16)
        lip = [(x, y0 - height * 0.03 * math.sin(math.pi * (x - x0) / (x1 - x0))) for x in spread(x0, x1, 12)]
        draw.polygon([*lip, (x1 + span * 0.02, bottom), (x0 - span * 0.02, bottom)], fill=parse_color("#dcefef"))
        for _ in range(22):
            fx = rng.uniform(x0 + 4, x1 - 4)
            streak = rng.choice(["#ffffff", "#bcd9e0", "#eef7f7", "#ffffff"])
            draw.line([(fx, y0 + height * 0.02), (fx + rng.uniform(-4, 4), bottom)], fill=parse_color(streak), width=4)
    # A wooded ledge halfway down splits the falls into tiers.
    for k in range(14):
        x, r = left + span * k / 13, span * rng.uniform(0.04, 0.06)
        draw.ellipse(
            [x - r, ledge - r * 0.6, x + r, ledge + r * 0.6], fill=parse_color(rng.choice(["#4b7a4b", "#5d8a5c"]))
        )
    draw.ellipse(
        [left - span * 0.4, bottom - height * 0.04, left + span * 1.4, bottom + height * 0.2],
        fill=parse_color("#6fb0b8"),
    )
    for _ in range(12):
        x = left + span * rng.uniform(0, 1)
        r = span * rng.uniform(0.06, 0.1)
        draw.ellipse([x - r, bottom - r * 0.7, x + r, bottom + r * 0.5], fill=(255, 255, 255, 150))


def draw_tree(draw, x, ground, size, rng):
    draw.rectangle([x - size * 0.06, ground - size * 0.6, x + size * 0.06, ground], fill=parse_color("#5b4027"))
    for dx, dy, r in ((0, -1.0, 0.5), (-0.3, -0.75, 0.38), (0.3, -0.75, 0.38)):
        color = parse_color(rng.choice(["#3f6e3c", "#4a7d42", "#355f35"]))
        cx, cy = x + dx * size, ground + dy * size
        draw.ellipse([cx - r * size, cy - r * size, cx + r * size, cy + r * size], fill=color)


def draw_stilt_house(draw, x, ground, size):
    """A Tày stilt house (nhà sàn): a dark roof, wooden walls on posts."""
    floor = ground - size * 0.35
    for k in range(5):
        px = x - size * 0.45 + k * size * 0.225
        draw.rectangle([px - 4, floor, px + 4, ground], fill=parse_color("#5b3b22"))
    draw.rectangle([x - size * 0.48, floor - size * 0.32, x + size * 0.48, floor], fill=parse_color("#a6784a"))
    for k in range(3):
        wx = x - size * 0.32 + k * size * 0.3
        draw.rectangle([wx, floor - size * 0.22, wx + size * 0.12, floor - size * 0.1], fill=parse_color("#4a2f1b"))
    draw.polygon(
        [
            (x - size * 0.62, floor - size * 0.28),
            (x - size * 0.3, floor - size * 0.62),
            (x + size * 0.3, floor - size * 0.62),
            (x + size * 0.62, floor - size * 0.28),
        ],
        fill=parse_color("#5a3a2a"),
    )


def draw_woman(img, rng, attire):
    """A woman from the waist up, smiling, in the dress of her people: Tày, Nùng or Dao indigo, or Kinh."""
    s = img.size[0]
    draw = ImageDraw.Draw(img)
    skin = parse_color(rng.choice(SKIN))
    cx = s * 0.5
    head_y, head_r = s * 0.53, s * 0.12
    shirt = rng.choice(SHIRTS[attire])
    # Hair behind the head and the body.
    draw.ellipse(
        [cx - head_r * 1.1, head_y - head_r * 1.1, cx + head_r * 1.1, head_y + head_r * 1.2], fill=parse_color(HAIR)
    )
    draw.rectangle([cx - s * 0.04, head_y + head_r * 0.7, cx + s * 0.04, head_y + head_r * 1.55], fill=shade(skin, 0.9))
    # Shoulders: the top of a superellipse, flatter than a circle.
    shoulders = [
        (cx + s * 0.33 * math.copysign(abs(math.cos(a)) ** 0.7, math.cos(a)), s * 1.02 - s * 0.32 * math.sin(a) ** 0.7)
        for a in spread(0, math.pi, 40)
    ]
    draw.polygon(shoulders, fill=parse_color(shirt))
    if attire in ("tay", "nung"):
        # The side-fastened collar and a row of cloth buttons.
        draw.line(
            [(cx - s * 0.04, s * 0.7), (cx + s * 0.02, s * 0.78), (cx + s * 0.12, s * 0.83)],
            fill=shade(shirt, 1.35),
            width=6,
        )
        for k in range(4):
            bx, by = cx + s * 0.04 + k * s * 0.03, s * 0.8 + k * s * 0.015
            draw.ellipse([bx - 5, by - 5, bx + 5, by + 5], fill=parse_color("#d8d2c0"))
        if attire == "nung":
            draw.rectangle([cx - s * 0.3, s * 0.93, cx + s * 0.3, s * 0.95], fill=parse_color("#7fa7d8"))
    elif attire == "dao":
        band = draw_textile(s * 0.07, s * 0.32, rng, "dao")
        img.paste(band, (int(cx - s * 0.1), int(s * 0.7)))
        img.paste(band, (int(cx + s * 0.03), int(s * 0.7)))
        for k in range(3):
            draw_pompom(draw, cx - s * 0.065 + k * s * 0.065, s * 0.72, s * 0.018, "#d7312e")
    if attire in ("nung", "dao"):
        # A silver neck ring.
        draw.arc(
            [cx - s * 0.09, s * 0.66, cx + s * 0.09, s * 0.76],
            20,
            160,
            fill=parse_color("#e4e6ea"),
            width=int(s * 0.012),
        )
    # Face.
    draw.ellipse([cx - head_r * 0.88, head_y - head_r, cx + head_r * 0.88, head_y + head_r], fill=skin)
    eye_y = head_y + head_r * 0.05
    open_eyes = rng.random() < 0.5
    for side in (-1, 1):
        ex = cx + side * head_r * 0.38
        if open_eyes:
            draw.ellipse(
                [ex - head_r * 0.08, eye_y - head_r * 0.1, ex + head_r * 0.08, eye_y + head_r * 0.08],
                fill=parse_color("#2a1b17"),
            )
            draw.ellipse(
                [ex - head_r * 0.01, eye_y - head_r * 0.07, ex + head_r * 0.04, eye_y - head_r * 0.02],
                fill=(255, 255, 255),
            )
            draw.arc(
                [ex - head_r * 0.14, eye_y - head_r * 0.3, ex + head_r * 0.14, eye_y - head_r * 0.1],
                200,
                340,
                fill=parse_color(HAIR),
                width=4,
            )
        else:
            draw.arc(
                [ex - head_r * 0.16, eye_y - head_r * 0.1, ex + head_r * 0.16, eye_y + head_r * 0.12],
                200,
                340,
                fill=parse_color("#3a2620"),
                width=5,
            )
        draw.ellipse(
            [ex - head_r * 0.18, eye_y + head_r * 0.2, ex + head_r * 0.14, eye_y + head_r * 0.38],
            fill=mix(skin, "#e0706a", 0.35),
        )
    draw.arc(
        [cx - head_r * 0.25, head_y + head_r * 0.28, cx + head_r * 0.25, head_y + head_r * 0.6],
        20,
        160,
        fill=parse_color("#9c3d34"),
        width=6,
    )
    draw_headwear(draw, rng, attire, cx, head_y, head_r)
    accessory = rng.choice(["earrings", "bag", "none"])
    if accessory == "earrings":
        for side in (-1, 1):
            ex, ey = cx + side * head_r * 0.86, head_y + head_r * 0.35
            draw.ellipse(
                [ex - head_r * 0.07, ey, ex + head_r * 0.07, ey + head_r * 0.14],
                outline=parse_color("#e4e6ea"),
                width=5,
            )
    elif accessory == "bag":
        # The strap of a brocade shoulder bag across her chest.
        strap = [(cx - s * 0.24, s * 0.78), (cx + s * 0.2, s * 1.0)]
        draw.line(strap, fill=parse_color("#c9262b"), width=int(s * 0.035))
        draw.line(strap, fill=parse_color("#f2c230"), width=int(s * 0.008))
        for k in range(1, 8):
            t = k / 8
            x, y = strap[0][0] + (strap[1][0] - strap[0][0]) * t, strap[0][1] + (strap[1][1] - strap[0][1]) * t
            r = s * 0.008
            draw.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=(255, 255, 255))


def draw_headwear(draw, rng, attire, cx, head_y, head_r):
    top = head_y - head_r
    if attire in ("tay", "nung"):
        cloth = parse_color("#1f2b4f" if attire == "tay" else "#18213b")
        draw.chord(
            [cx - head_r * 1.05, top - head_r * 0.35, cx + head_r * 1.05, head_y + head_r * 0.25], 180, 360, fill=cloth
        )
        draw.polygon(
            [
                (cx - head_r * 1.05, head_y - head_r * 0.06),
                (cx - head_r * 1.0, top - head_r * 0.1),
                (cx + head_r * 1.0, top - head_r * 0.1),
                (cx + head_r * 1.05, head_y - head_r * 0.06),
            ],
            fill=cloth,
        )
        draw.line(
            [(cx - head_r * 1.02, head_y - head_r * 0.3), (cx + head_r * 1.02, head_y - head_r * 0.3)],
            fill=shade(cloth, 1.3),
            width=5,
        )
        if attire == "nung":
            draw.line(
                [(cx - head_r * 1.0, top + head_r * 0.05), (cx + head_r * 1.0, top + head_r * 0.05)],
                fill=parse_color(rng.choice(["#d84b45", "#f1d36c"])),
                width=6,
            )
        draw.polygon(
            [
                (cx + head_r * 0.95, top + head_r * 0.1),
                (cx + head_r * 1.45, top - head_r * 0.2),
                (cx + head_r * 1.35, top + head_r * 0.25),
            ],
            fill=cloth,
        )
    elif attire == "dao":
        red = parse_color("#c9262b")
        draw.ellipse([cx - head_r * 1.3, top - head_r * 0.7, cx + head_r * 1.3, head_y - head_r * 0.15], fill=red)
        draw.rectangle(
            [cx - head_r * 1.0, head_y - head_r * 0.55, cx + head_r * 1.0, head_y - head_r * 0.35],
            fill=parse_color("#1b1f36"),
        )
        for k in range(7):
            px = cx - head_r * 1.1 + k * head_r * 0.366
            draw_pompom(
                draw,
                px,
                top - head_r * 0.05 + abs(k - 3) * head_r * 0.06,
                head_r * 0.14,
                rng.choice(["#f2c230", "#e2487a", "#e8672b", "#f6efe1"]),
            )
    else:
        # A conical hat (nón lá) tipped back.
        draw.polygon(
            [
                (cx - head_r * 1.8, head_y - head_r * 0.5),
                (cx, top - head_r * 1.1),
                (cx + head_r * 1.8, head_y - head_r * 0.5),
            ],
            fill=parse_color("#e8d39a"),
        )
        for k in range(1, 4):
            t = k / 4
            draw.line(
                [
                    (cx - head_r * 1.8 * t, top - head_r * 1.1 + (head_y - head_r * 0.5 - top + head_r * 1.1) * t),
                    (cx + head_r * 1.8 * t, top - head_r * 1.1 + (head_y - head_r * 0.5 - top + head_r * 1.1) * t),
                ],
                fill=parse_color("#cdb478"),
                width=4,
            )


def draw_seller_portrait(seed, attire, waterfall=False, size=600):
    """A square JPEG portrait of a seller against the mountains of her commune."""
    rng = random.Random(seed)
    s = size * SUPERSAMPLE
    img = draw_scene(s, s, rng, waterfall=waterfall, house=not waterfall)
    draw_woman(img, rng, attire)
    return encode_jpeg(finish(img, size))


def draw_landscape(seed, waterfall=False, size=(1200, 800)):
    """A wide JPEG of a Cao Bằng landscape, for a story."""
    rng = random.Random(seed)
    img = draw_scene(size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE, rng, waterfall=waterfall, house=True)
    return encode_jpeg(finish(img, size))


def spread(start, stop, count):
    """`count` evenly spaced values from start to stop."""
    if count <= 1:
        return [start]
    return [start + (stop - start) * i / (count - 1) for i in range(count)]
