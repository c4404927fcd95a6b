check check-offerte.xml
