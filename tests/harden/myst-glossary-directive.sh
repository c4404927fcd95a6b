# A MyST {glossary} directive (terms at the left, definitions indented)
# gives glossary entries: no "definition has no term", each term a
# definition box, on the glossary page, and {term} roles resolve to them.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
cat > p/content/01-een.md <<'MD'
# Een

Zie {term}`MyST` en {term}`Trechter`.

```{glossary}
MyST
  Markedly Structured Text.

Trechter
  Het pad van lead naar klant.

  Een tweede alinea.
```

:::{glossary}
DMU
  Decision making unit.
:::
MD
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
grep -q 'error\|warning' err && fail "diagnostics: $(cat err)"
grep -q '3 terms' err || fail "not three glossary terms: $(cat err)"
g=p/out/site/begrippenlijst.html
for t in myst trechter dmu; do
	grep -q "id=\"term-$t\"" $g || fail "no glossary entry term-$t"
done
h=p/out/site/01-een.html
grep -qF '<a href="begrippenlijst.html#term-myst">MyST</a>' $h || fail "{term} MyST unresolved"
grep -qF '<dfn>Trechter</dfn>' $h || fail "no definition box for Trechter"
grep -qF 'Een tweede alinea.' $h || fail "the second paragraph lost"
grep -q 'glossary\|```' $h && fail "directive printed as text"
exit 0
