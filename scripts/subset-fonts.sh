#!/bin/sh
# Writes the Latin subsets of Inter that the PNG path rasterises with (assets/fonts/*-Latin.otf).
# The rasteriser reads a font file again for every glyph it draws, so a file a quarter of the size
# makes text a few times cheaper. The subsets hold the same glyphs, advances, kerning and default
# substitutions as the full faces for the characters below; the canvas falls back to the full faces
# for any other character, and the tests check that both give the same pixels.
# Needs fontTools' pyftsubset (Debian package `fonttools`); run it again only if the fonts change.
set -eu
cd "$(dirname "$0")/../assets/fonts"

# Basic Latin, Latin-1, Latin Extended-A, the Romanian commas, typographic punctuation and spaces,
# the euro sign, the minus sign and a few symbols of everyday text.
UNICODES='U+0000-017F,U+0218-021B,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+2074,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'

for face in Regular SemiBold; do
  # Default layout features only: the ones a shaper applies without being asked (kerning,
  # contextual alternates, marks…). Stylistic sets and alternates are never requested by the SVG.
  pyftsubset "Inter-$face.otf" \
    --unicodes="$UNICODES" \
    --name-IDs='*' --name-languages='*' \
    --notdef-outline \
    --output-file="Inter-$face-Latin.otf"
done
