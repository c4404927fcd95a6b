render --fragment .
