render -t pdf input.md
