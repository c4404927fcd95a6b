check bestellingen.csv
