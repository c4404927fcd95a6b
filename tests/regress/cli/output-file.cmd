render --fragment -o written.html input.md && cat written.html && rm written.html
