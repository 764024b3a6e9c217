#!/usr/bin/env bash
# Renders barkeep.svg into the icons the packages use (committed, so a build needs no ImageMagick):
#   barkeep-256.png, -128.png, -48.png   Linux (jpackage --icon takes the 256 one; the .desktop entry shows it)
#   barkeep.ico                          Windows (16-256 px in one file)
#   barkeep.icns                         macOS (16-1024 px, PNG chunks; written by make-icns.py)
# Needs ImageMagick (convert) and python3.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # size out: render straight from the vector at 4x density, then scale down (smooth edges)
    convert -background none -density $((96 * $1 * 4 / 256)) barkeep.svg -resize "$1x$1" \
        -depth 8 -define png:color-type=6 -strip "$2"
}
for s in 256 128 48; do render "$s" "barkeep-$s.png"; done
for s in 16 24 32 64 512 1024; do render "$s" "$tmp/$s.png"; done
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" barkeep-48.png "$tmp/64.png" barkeep-128.png barkeep-256.png \
    barkeep.ico
python3 make-icns.py barkeep.icns 16="$tmp/16.png" 32="$tmp/32.png" 64="$tmp/64.png" 128=barkeep-128.png \
    256=barkeep-256.png 512="$tmp/512.png" 1024="$tmp/1024.png"
ls -l barkeep-*.png barkeep.ico barkeep.icns
