render --fragment - < stdin-bad.md
