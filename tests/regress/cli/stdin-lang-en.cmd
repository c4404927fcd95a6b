render --fragment --lang en - < stdin-input.md
