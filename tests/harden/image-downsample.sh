# A large picture is embedded at 300 dpi of its printed size, not at its
# own: 4000 x 4000 pixels as a figure (printed 45 % of the page's text
# height high, about 11 cm) become about 1300 pixels, at 300 dpi.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng big.png --size 4000x4000 --type rgb
printf '# Titel\n\n![groot](big.png)\n' > doc.md
render_ok
# a figure: as wide as it may be (45 %% of the page's height), at 300 dpi
pdfimages -list out.pdf | awk 'NR > 2 { print $4, $13 }' > list
read -r w ppi < list
[ "$w" -lt 4000 ] || fail "not downsampled: $(cat list)"
[ "$ppi" -ge 295 ] && [ "$ppi" -le 305 ] || fail "not 300 dpi: $(cat list)"
exit 0
