render --fragment -q warn-input.md
