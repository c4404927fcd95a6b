render input.md extra.md
