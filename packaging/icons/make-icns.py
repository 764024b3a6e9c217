#!/usr/bin/env python3
"""Writes a macOS .icns from PNG files: python3 make-icns.py OUT.icns SIZE=FILE.png ...

An .icns is the bytes 'icns', the total length (big-endian u32), then one chunk per image: a 4-byte type,
the chunk length (u32, header included), and the PNG itself (macOS 10.7+ reads PNG in every type below).
"""
import struct
import sys

# pixel size -> the chunk types that hold an image of that many pixels (1x and the @2x of half the size)
TYPES = {16: ["icp4"], 32: ["icp5", "ic11"], 64: ["ic12"], 128: ["ic07"], 256: ["ic08", "ic13"],
         512: ["ic09", "ic14"], 1024: ["ic10"]}


def main(out, pairs):
    chunks = b""
    for pair in pairs:
        size, path = pair.split("=", 1)
        with open(path, "rb") as f:
            png = f.read()
        if png[:8] != b"\x89PNG\r\n\x1a\n":
            sys.exit(f"{path}: not a PNG")
        for kind in TYPES[int(size)]:
            chunks += kind.encode("ascii") + struct.pack(">I", 8 + len(png)) + png
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
