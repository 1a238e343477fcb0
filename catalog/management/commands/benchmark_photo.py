"""Measure the memory a worker takes to read the largest photo of each kind the shop accepts.

    python manage.py benchmark_photo [--goal-mb 300]

For each kind (a transparent PNG, WebP and HEIC, an 80-megapixel JPEG, progressive JPEGs) it makes the
largest photo catalog.images accepts, with few colours so the file stays under the upload limit as a
flat screenshot does, and a second one just over the limit. Each is read in a fresh process, as a worker
reads an upload: Django set up and the format's decoder loaded first (a smaller photo read), then the
process's resident memory (idle) and its peak (VmHWM) around prepare_product_photo. It prints both
and fails (exit 1) when the worst accepted photo takes more than --goal-mb above idle, or one just over
the limit is stored.
"""

import argparse
import io
import json
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from PIL import Image

from catalog.images import (
    BYTES_PER_PIXEL,
    DECODE_BUDGET,
    MAX_PIXELS,
    TRANSPARENCY_BYTES,
    decoding_cost,
    prepare_product_photo,
    reduce_while_reading,
)

MB = 1024 * 1024


def four_by_three(pixels):
    """The size of a 4:3 picture of about `pixels` pixels, never more."""
    width = int((pixels * 4 / 3) ** 0.5)
    return width, pixels // width


def jpeg_claiming(size, **save_options):
    """A JPEG's header claiming `size` (a small JPEG with its frame's size changed): enough to open and judge it."""
    data = io.BytesIO()
    Image.new("RGB", (16, 16)).save(data, "JPEG", **save_options)
    data = bytearray(data.getvalue())
    frame = next(i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC1, 0xC2))
    data[frame + 5 : frame + 9] = struct.pack(">HH", size[1], size[0])
    return bytes(data)


def fits_budget(image, pixels):
    reduce_while_reading(image)
    return decoding_cost(image, pixels) <= DECODE_BUDGET


def largest_accepted(format_name, mode, save_options):
    """The pixels of the largest 4:3 photo of a kind that catalog.images reads (found from headers alone)."""
    if format_name != "JPEG":
        transparency = TRANSPARENCY_BYTES if mode == "RGBA" else 0
        return min(MAX_PIXELS, DECODE_BUDGET // (BYTES_PER_PIXEL[format_name] + transparency))
    low, high = 1_000_000, MAX_PIXELS
    while high - low > 10_000:
        middle = (low + high) // 2
        size = four_by_three(middle)
        image = Image.open(io.BytesIO(jpeg_claiming(size, **save_options)))
        low, high = (middle, high) if fits_budget(image, size[0] * size[1]) else (low, middle)
    return low


# (name, Pillow's format, mode, save options): each made as large as it is accepted, then 10 % larger.
KINDS = [
    ("PNG, transparent", "PNG", "RGBA", {}),
    ("PNG", "PNG", "RGB", {}),
    ("WebP", "WEBP", "RGB", {"quality": 50, "method": 0}),
    ("WebP, transparent", "WEBP", "RGBA", {"quality": 50, "method": 0}),
    ("HEIC", "HEIF", "RGB", {"quality": 50}),
    ("HEIC, transparent", "HEIF", "RGBA", {"quality": 50}),
    ("JPEG", "JPEG", "RGB", {"quality": 80}),
    ("JPEG, progressive 4:2:0", "JPEG", "RGB", {"quality": 80, "progressive": True, "subsampling": 2}),
    ("JPEG, progressive 4:4:4", "JPEG", "RGB", {"quality": 80, "progressive": True, "subsampling": 0}),
]


def picture(mode, pixels):
    """A 4:3 picture of about `pixels` pixels (never more): gradients, which compress as a screenshot does."""
    width, height = four_by_three(pixels)
    ramp = Image.linear_gradient("L").resize((width, height))
    bands = [ramp, ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT), ramp.transpose(Image.Transpose.FLIP_TOP_BOTTOM)]
    if mode == "RGBA":
        bands.append(ramp.transpose(Image.Transpose.ROTATE_180))
    return Image.merge(mode, bands)


def memory_bytes(field):
    """The process's resident memory now (VmRSS) or its peak (VmHWM), from Linux's /proc/self/status.

    Not ru_maxrss: Linux keeps it across exec, so a process started by a large one reports that one's peak.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024  # kB
    raise CommandError(f"/proc/self/status has no {field}")


class Command(BaseCommand):
    help = "Measure a worker's peak memory reading the largest photo of each accepted kind (MB above idle)."

    def add_arguments(self, parser):
        parser.add_argument("--goal-mb", type=int, default=300, help="Most a worker may take above idle.")
        parser.add_argument("--read", nargs=2, metavar=("WARM_UP", "PHOTO"), help=argparse.SUPPRESS)

    def handle(self, *args, goal_mb, read, **options):
        if read:
            return self.read_one(*read)
        worst = 0
        failures = []
        with tempfile.TemporaryDirectory(prefix="benchmark-photo-") as folder:
            self.stdout.write(f"Reading budget {DECODE_BUDGET // MB} MB; goal under {goal_mb} MB above idle.")
            self.stdout.write(
                f"{'photo':<34}{'megapixels':>11}{'file MB':>9}{'idle MB':>9}{'peak MB':>9}"
                f"{'above idle':>12}{'seconds':>9}  outcome"
            )
            for name, format_name, mode, options_ in KINDS:
                pixels = largest_accepted(format_name, mode, options_)
                for over in (False, True):
                    size = int(pixels * 1.1) if over else pixels
                    result = self.measure(Path(folder), format_name, mode, size, options_)
                    above = result["peak"] - result["idle"]
                    label = f"{name}{', over the limit' if over else ''}"
                    self.stdout.write(
                        f"{label:<34}{size / 1e6:>11.1f}{result['file'] / MB:>9.1f}{result['idle'] / MB:>9.0f}"
                        f"{result['peak'] / MB:>9.0f}{above / MB:>12.0f}{result['seconds']:>9.1f}  {result['outcome']}"
                    )
                    if over and result["outcome"] == "stored":
                        failures.append(f"{label} was stored")
                    if not over:
                        if result["outcome"] != "stored":
                            failures.append(f"{label} was refused: {result['outcome']}")
                        worst = max(worst, above)
        self.stdout.write(f"Worst accepted photo: {worst / MB:.0f} MB above idle (goal: under {goal_mb} MB).")
        if worst > goal_mb * MB:
            failures.append(f"the worst accepted photo took {worst / MB:.0f} MB above idle")
        if failures:
            raise CommandError("; ".join(failures))

    def measure(self, folder, format_name, mode, pixels, save_options):
        """Make the photo and a small one of its kind, then read it in a fresh process; what that measured."""
        suffix = {"HEIF": "heic", "WEBP": "webp", "PNG": "png", "JPEG": "jpg"}[format_name]
        photo, warm_up = folder / f"photo.{suffix}", folder / f"warm-up.{suffix}"
        picture(mode, pixels).save(photo, format_name, **save_options)
        picture(mode, 640 * 480).save(warm_up, format_name, **save_options)
        reader = subprocess.run(
            [sys.executable, settings.BASE_DIR / "manage.py", "benchmark_photo", "--read", warm_up, photo],
            capture_output=True,
            text=True,
            check=False,
        )
        if reader.returncode != 0:
            raise CommandError(f"reading {photo.name} failed:\n{reader.stderr[-2000:]}")
        return {**json.loads(reader.stdout.strip().splitlines()[-1]), "file": photo.stat().st_size}

    def read_one(self, warm_up, photo):
        """In the fresh process: read the small photo, then measure reading the large one; one line of JSON."""
        prepare_product_photo(SimpleUploadedFile(Path(warm_up).name, Path(warm_up).read_bytes()))
        upload = SimpleUploadedFile(Path(photo).name, Path(photo).read_bytes())
        idle = memory_bytes("VmRSS")
        started = time.perf_counter()
        try:
            prepare_product_photo(upload)
            outcome = "stored"
        except ValidationError as refused:
            outcome = "refused: " + refused.messages[0]
        seconds = time.perf_counter() - started
        peak = memory_bytes("VmHWM")
        self.stdout.write(json.dumps({"idle": idle, "peak": peak, "seconds": seconds, "outcome": outcome}))
