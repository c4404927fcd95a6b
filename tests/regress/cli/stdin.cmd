render --fragment - < stdin-input.md
