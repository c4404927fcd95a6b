build --only xyz
