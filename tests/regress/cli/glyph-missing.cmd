render glyph.md -t pdf -o -
