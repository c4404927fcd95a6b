new factuur x
