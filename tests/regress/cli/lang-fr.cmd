render --lang fr input.md
