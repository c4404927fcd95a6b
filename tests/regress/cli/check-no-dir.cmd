check geen-map
