#!/usr/bin/env python3
"""Render an HTML report in headless Chromium and print the bars it drew.

  render_bars.py PAGE.html SHOT.png

Takes a screenshot of PAGE with Chromium (a fresh profile, no network, no
GPU) into SHOT, decodes the PNG with the standard library only, and prints
one line per bar found, top to bottom:

  bar 1: typed 160 px, untyped 160 px

A bar is a band of pixel rows holding the report's typed green (#2e7d32)
and/or untyped red (#c62828). Exit status 1 when Chromium fails or draws
nothing, so a page that does not render fails the test.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

TYPED = (0x2E, 0x7D, 0x32)
UNTYPED = (0xC6, 0x28, 0x28)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--force-device-scale-factor=1", "--hide-scrollbars",
         "--window-size=900,700"]


def screenshot(page, shot):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        sys.exit("render_bars: chromium is not installed (scripts/setup.sh installs it)")
    profile = tempfile.mkdtemp(prefix="typeslab-chromium-")
    try:
        r = subprocess.run([exe] + FLAGS + ["--user-data-dir=" + profile,
                                            "--screenshot=" + os.path.abspath(shot),
                                            "file://" + os.path.abspath(page)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if r.returncode != 0 or not os.path.exists(shot):
        sys.exit("render_bars: chromium failed (status %d):\n%s"
                 % (r.returncode, r.stdout.decode(errors="replace")))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def decode_png(path):
    """Rows of (r, g, b) tuples of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("render_bars: '%s' is not a PNG" % path)
    pos, idat, hdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, ctype, _, _, interlace = hdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit("render_bars: unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows, i = [], 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                line[x] = (line[x] + paeth(a, b, c)) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return rows


def bars(rows):
    """(typed px, untyped px) per band of consecutive rows that hold bar colours."""
    out, band = [], None
    for row in rows:
        counts = (row.count(TYPED), row.count(UNTYPED))
        if counts == (0, 0):
            if band:
                out.append(band)
            band = None
        elif band is None:
            band = counts
        else:
            band = max(band, counts, key=sum)
    if band:
        out.append(band)
    return out


def main():
    page, shot = sys.argv[1], sys.argv[2]
    screenshot(page, shot)
    found = bars(decode_png(shot))
    for i, (t, u) in enumerate(found, 1):
        print("bar %d: typed %d px, untyped %d px" % (i, t, u))
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
