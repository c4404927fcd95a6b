check check-offerte-bad.xml
