# A JPEG cut short is an error at the image (it was embedded as it was and
# made a PDF with a broken picture).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
head -c 200 "$IMG/red-rgb.jpg" > cut.jpg
doc cut.jpg
render_bad "doc.md:3:1: error: image 'cut.jpg': the file ends early (it is cut short)"
exit 0
