render --fragment --strict warn-input.md
