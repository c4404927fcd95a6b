render --bogus input.md
