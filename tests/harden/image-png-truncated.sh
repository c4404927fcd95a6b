# A PNG cut off in its picture data is an error at the image, in plain
# words, with no PDF written (libpng's default handler aborted, or libharu
# failed with a raw error code).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng cut.png --size 200x100 --cut 120
doc cut.png
render_bad "doc.md:3:1: error: image 'cut.png': the file ends early (it is cut short)"
exit 0
