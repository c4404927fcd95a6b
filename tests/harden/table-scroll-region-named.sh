# A table's scroll box is a keyboard stop a screen reader can name
# (WCAG 2.1.1, 4.1.2): tabindex 0, role region, and the caption as plain
# text for its name, markup dropped and quotes and ampersands escaped, so
# the attribute cannot end early.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
cat > p/content/01-een.md <<'MD'
# Een

## Cijfers

| Segment | Omzet |
|---|--:|
| MKB | 120 |

Tabel: Omzet *netto* & `"marge" <x>` per segment

Tekst.
MD
st=$(run err "$SG" build --only site p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -q 'warning\|error' err && fail "diagnostics: $(cat err)"
h=p/out/site/01-een.html
want='<div class="table-wrap" tabindex="0" role="region" aria-label="Tabel 1.1 Omzet netto &amp; &quot;marge&quot; &lt;x&gt; per segment">'
grep -qxF "$want" $h || fail "no named scroll region: $(grep -n 'table-wrap' $h)"
[ "$(grep -c 'class="table-wrap"' $h)" = 1 ] || fail "not one table box: $(grep -n 'table-wrap' $h)"
exit 0
