render -t html --fragment input.md
