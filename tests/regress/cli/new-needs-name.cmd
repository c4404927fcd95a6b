new offerte
