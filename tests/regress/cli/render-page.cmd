render fm-page.md | grep -e '<html' -e '<title>' -e 'name="description"' -e '<h1'
