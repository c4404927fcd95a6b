# A PNG whose picture data fails its checksum is an error at the image,
# and the program does not abort (libpng's default handler: exit 134).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng bad.png --size 200x100 --bad-crc
doc bad.png
render_bad "doc.md:3:1: error: image 'bad.png': the data is damaged (a checksum does not match in 'IDAT')"
exit 0
