# A Docusaurus .mdx file is a chapter (not silently lost): its ES module
# lines go, a TabItem's label stays as a bold line with its content, the
# JSX tags go with one note per file; an `import ... from '@theme/...'`
# line at the top of a .md file goes too (but not in code).
. "$2/tests/harden/lib.sh"
mkdir -p p/content
cat > p/content/01-een.md <<'MD'
import Admonition from '@theme/Admonition';

# Een

```js
import Tabs from '@theme/Tabs';
```
MD
cat > p/content/02-twee.mdx <<'MD'
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
export const x = {
  a: 1,
};

# Twee

<Tabs>
  <TabItem value="a" label="Eerste">

    Tekst van de eerste tab.

  </TabItem>
  <TabItem value="b" label="Tweede">
    Tekst van de tweede tab.
  </TabItem>
</Tabs>
MD
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
grep -qxF "p/content/02-twee.mdx:9:1: note: JSX components (<Tabs> and any others in this file) are flattened: their text is kept, their behaviour is not" err ||
	fail "no note at the first tag: $(cat err)"
[ "$(grep -c 'note\|warning\|error' err)" = 1 ] || fail "other diagnostics: $(cat err)"
h=p/out/site/02-twee.html
[ -f $h ] || fail "the .mdx chapter is not built: $(ls p/out/site)"
grep -qF '<p><strong>Eerste</strong></p>' $h || fail "no bold label: $(sed -n '/<article/,/<\/article/p' $h)"
grep -qF '<p>Tekst van de eerste tab.</p>' $h || fail "tab text lost or made code"
grep -qF 'Tekst van de tweede tab.' $h || fail "second tab text lost"
grep -q 'import\|export\|&lt;Tab\|a: 1' $h && fail "module lines or tags left"
grep -q 'import Admonition' p/out/site/01-een.html && fail "import line left in the .md"
grep -qF 'import Tabs from' p/out/site/01-een.html || fail "import in code was dropped"
[ -f p/out/pdf/02-twee.pdf ] || fail "no PDF for the .mdx chapter"
pdftotext p/out/pdf/02-twee.pdf - | grep -q 'import\|<Tab' && fail "module lines or tags in the PDF"
exit 0
