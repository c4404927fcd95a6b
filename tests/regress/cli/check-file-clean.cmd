check input.md
