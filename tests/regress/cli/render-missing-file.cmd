render --fragment nope.md
