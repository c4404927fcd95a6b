# A PNG that says it is 20000 x 20000 pixels is refused from its header,
# by the size limit, before any pixel memory is taken.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng huge.png --size 20000x20000 --header-only
doc huge.png
render_bad "doc.md:3:1: error: image 'huge.png': it is 20000 x 20000 pixels, more than the limit of 50 megapixels"
exit 0
